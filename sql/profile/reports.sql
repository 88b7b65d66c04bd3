-- Annual reports of one establishment with the derived rates the indicators use.
select
    year,
    production_qty,
    production_unit,
    water_use_m3,
    wastewater_m3,
    water_use_m3 / production_qty as water_per_unit,
    wastewater_m3 / production_qty as wastewater_per_unit,
    water_intensity_target,
    wastewater_intensity_target,
    waste_3r_t / nullif(waste_generated_t, 0) * 100 as waste_3r_pct,
    energy_renewable_gj / nullif(energy_total_gj, 0) * 100 as renewable_pct,
    ghg_tco2e,
    investment_thb
from annual_reports
where factory_id = $factory_id
order by year
