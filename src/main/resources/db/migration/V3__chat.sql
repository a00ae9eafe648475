-- The model's working memory per project: a token window of short messages (user requests and the assistant's
-- summaries, never file bodies), serialised by LangChain4j. Evicted messages are gone from here by design.
create table chat_memory (
    project_id uuid        primary key references project (id) on delete cascade,
    messages   text        not null,
    summary    text,
    updated_at timestamptz not null
);

-- Everything the chat showed, in order, for the UI: what the person wrote, what the assistant said, the files a turn
-- changed, the deploy timeline, links, notes. Never trimmed.
create table chat_entry (
    id         bigserial   primary key,
    project_id uuid        not null references project (id) on delete cascade,
    kind       varchar(20) not null,
    content    text        not null,
    created_at timestamptz not null
);

create index chat_entry_project on chat_entry (project_id, id);
