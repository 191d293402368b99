-- events of one tenant; the namespace comes from the migrate options
CREATE TABLE IF NOT EXISTS {{ index .Options "Namespace" }}.events (
    id         bigserial PRIMARY KEY,
    kind       text NOT NULL,
    payload    jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS events_kind_idx ON {{ index .Options "Namespace" }}.events (kind);
