-- Per-app metrics: one row per project and point. Raw points (one per sample, by default a minute apart) are kept for
-- a day, 15-minute rollups for a week; MetricsRetention deletes the rest, so each app's share of the table is bounded.
-- latency holds request counts per latency bucket (metrics/LatencyBuckets.java), so rollups keep exact percentiles.
create table app_metric (
    project_id   uuid        not null references project (id) on delete cascade,
    rollup       boolean     not null,
    at           timestamptz not null,
    samples      integer     not null,
    cpu_percent  real,
    memory_bytes bigint,
    memory_limit bigint,
    rx_bytes     bigint      not null,
    tx_bytes     bigint      not null,
    restarts     integer     not null,
    requests     integer     not null,
    errors       integer     not null,
    latency      integer[]   not null,
    primary key (project_id, rollup, at)
);

-- Retention deletes by age across all projects.
create index app_metric_age on app_metric (rollup, at);
