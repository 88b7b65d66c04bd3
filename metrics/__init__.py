"""The indicator engine: catalogue, one registry of indicator queries, scorecard and level verdicts."""
