-- The original bytes of every loaded file (zstd-compressed), so any batch's file can be downloaded
-- again exactly as it was uploaded. Written in the same transaction as the batch.
create table batch_files (
    batch_id bigint primary key,
    codec varchar not null check (codec in ('zstd')),
    size_bytes bigint not null check (size_bytes >= 0),
    content blob not null
);
