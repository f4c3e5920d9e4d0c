import GRDB

extension HeraldStore {
    /// The schema, append-only: never edit a registered migration, add a new one.
    /// Raw SQL only, no app types, so old migrations keep meaning what they meant. Times are REAL Unix seconds,
    /// civil dates TEXT `YYYY-MM-DD`, lists and maps compact JSON text.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE projects (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    manager TEXT,
                    sponsor TEXT,
                    channel TEXT,
                    source_file TEXT NOT NULL,
                    removed_at REAL
                );
                CREATE TABLE milestones (
                    project_id TEXT NOT NULL REFERENCES projects(id),
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    phase TEXT,
                    owner TEXT NOT NULL,
                    due TEXT NOT NULL,
                    due_instant REAL,
                    baseline TEXT,
                    status TEXT NOT NULL,
                    critical INTEGER NOT NULL,
                    depends_on TEXT NOT NULL,
                    deliverables TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    removed_at REAL,
                    PRIMARY KEY (project_id, id)
                );
                CREATE TABLE milestone_history (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    project_id TEXT NOT NULL,
                    milestone_id TEXT NOT NULL,
                    at REAL NOT NULL,
                    source TEXT NOT NULL,
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT
                );
                CREATE INDEX milestone_history_by_milestone ON milestone_history(project_id, milestone_id, seq);
                CREATE TABLE rule_state (
                    rule TEXT NOT NULL,
                    project_id TEXT NOT NULL,
                    milestone_id TEXT NOT NULL,
                    due TEXT NOT NULL,
                    last_fired_at REAL NOT NULL,
                    next_eligible_at REAL,
                    fire_count INTEGER NOT NULL,
                    PRIMARY KEY (rule, project_id, milestone_id)
                );
                CREATE TABLE messages (
                    id TEXT PRIMARY KEY NOT NULL,
                    created_at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    rule TEXT,
                    project_id TEXT,
                    milestone_id TEXT,
                    channel TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    text TEXT NOT NULL,
                    content TEXT NOT NULL
                );
                CREATE INDEX messages_by_time ON messages(created_at);
                CREATE INDEX messages_by_milestone ON messages(project_id, milestone_id);
                CREATE TABLE deliveries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    message_id TEXT NOT NULL REFERENCES messages(id),
                    channel TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL,
                    lease_until REAL,
                    created_at REAL NOT NULL,
                    delivered_at REAL,
                    last_error TEXT,
                    latency_ms REAL
                );
                CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);
                CREATE INDEX deliveries_by_message ON deliveries(message_id);
                CREATE TABLE attempts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    delivery_id INTEGER NOT NULL REFERENCES deliveries(id),
                    started_at REAL NOT NULL,
                    latency_ms REAL NOT NULL,
                    http_status INTEGER,
                    curl_code INTEGER,
                    error TEXT,
                    response_excerpt TEXT
                );
                CREATE INDEX attempts_by_delivery ON attempts(delivery_id);
                """)
        }
        // The dispatcher's lease and next-due queries walk waiting deliveries in due order: a partial index
        // keeps that walk short however many delivered rows accumulate, and avoids sorting per lease.
        migrator.registerMigration("v2-waiting-deliveries") { db in
            try db.execute(sql: """
                CREATE INDEX deliveries_waiting ON deliveries(next_attempt_at, id)
                    WHERE state IN ('pending', 'retrying');
                DROP INDEX deliveries_due;
                """)
        }
        // A channel whose endpoint is gone is disabled; its deliveries wait `held` until it is enabled again.
        migrator.registerMigration("v3-disabled-channels") { db in
            try db.execute(sql: """
                CREATE TABLE channels_disabled (
                    channel TEXT PRIMARY KEY NOT NULL,
                    reason TEXT NOT NULL,
                    disabled_at REAL NOT NULL
                );
                CREATE INDEX deliveries_by_channel ON deliveries(channel, state);
                """)
        }
        // Escalations: one row per escalation (a rule's episode for a milestone), its ladder position, its
        // acknowledgement and every notice it sent (JSON). `current` rows are those the engine still steps.
        migrator.registerMigration("v4-escalations") { db in
            try db.execute(sql: """
                CREATE TABLE escalations (
                    id TEXT PRIMARY KEY NOT NULL,
                    rule TEXT NOT NULL,
                    policy TEXT NOT NULL,
                    project_id TEXT NOT NULL,
                    milestone_id TEXT NOT NULL,
                    due TEXT NOT NULL,
                    opened_at REAL NOT NULL,
                    state TEXT NOT NULL,
                    levels_notified INTEGER NOT NULL,
                    repeats INTEGER NOT NULL,
                    last_notified_at REAL,
                    acked_by TEXT,
                    acked_at REAL,
                    ack_note TEXT,
                    closed_at REAL,
                    close_reason TEXT,
                    resolution_sent INTEGER NOT NULL,
                    rearmed INTEGER NOT NULL,
                    notices TEXT NOT NULL
                );
                CREATE INDEX escalations_current ON escalations(id)
                    WHERE state != 'resolved' AND (state = 'open' OR resolution_sent = 0 OR rearmed = 0);
                CREATE INDEX escalations_by_milestone ON escalations(project_id, milestone_id, opened_at);
                """)
        }
        // Snoozes (a milestone, or a whole project when milestone_id is NULL) end at until_at, or when the
        // milestone's due is no longer until_due_change_from; lifted_at ends one early. Suppressions are recorded at
        // most once per rule, milestone, reason and calendar day (the unique key; writers INSERT OR IGNORE).
        migrator.registerMigration("v6-snoozes") { db in
            try db.execute(sql: """
                CREATE TABLE snoozes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    project_id TEXT NOT NULL,
                    milestone_id TEXT,
                    until_date TEXT,
                    until_at REAL,
                    until_due_change_from TEXT,
                    by TEXT,
                    note TEXT,
                    created_at REAL NOT NULL,
                    lifted_at REAL,
                    lifted_reason TEXT
                );
                CREATE INDEX snoozes_live ON snoozes(project_id, milestone_id) WHERE lifted_at IS NULL;
                CREATE INDEX snoozes_by_time ON snoozes(created_at);
                CREATE TABLE suppressions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    day TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    project_id TEXT NOT NULL,
                    milestone_id TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    channels TEXT NOT NULL,
                    reason_code TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    UNIQUE (rule, project_id, milestone_id, reason_code, day)
                );
                CREATE INDEX suppressions_by_time ON suppressions(at);
                """)
        }
        // What rules read from a milestone's history (due date moves, the last status change) kept on the milestone
        // itself by the apply path, so evaluation never reads the history; backfilled from the history here.
        // A `due` row with an old value is a move (creation rows have none); any `status` row, creation included,
        // is a status change.
        migrator.registerMigration("v7-milestone-facts") { db in
            try db.execute(sql: """
                ALTER TABLE milestones ADD COLUMN due_moves INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE milestones ADD COLUMN due_moved_from TEXT;
                ALTER TABLE milestones ADD COLUMN due_moved_to TEXT;
                ALTER TABLE milestones ADD COLUMN status_changed_at REAL;
                UPDATE milestones SET
                    due_moves = (
                        SELECT count(*) FROM milestone_history h
                        WHERE h.project_id = milestones.project_id AND h.milestone_id = milestones.id
                            AND h.field = 'due' AND h.old_value IS NOT NULL AND h.new_value IS NOT NULL),
                    due_moved_from = (
                        SELECT h.old_value FROM milestone_history h
                        WHERE h.project_id = milestones.project_id AND h.milestone_id = milestones.id
                            AND h.field = 'due' AND h.old_value IS NOT NULL AND h.new_value IS NOT NULL
                        ORDER BY h.seq DESC LIMIT 1),
                    due_moved_to = (
                        SELECT h.new_value FROM milestone_history h
                        WHERE h.project_id = milestones.project_id AND h.milestone_id = milestones.id
                            AND h.field = 'due' AND h.old_value IS NOT NULL AND h.new_value IS NOT NULL
                        ORDER BY h.seq DESC LIMIT 1),
                    status_changed_at = coalesce((
                        SELECT h.at FROM milestone_history h
                        WHERE h.project_id = milestones.project_id AND h.milestone_id = milestones.id
                            AND h.field = 'status'
                        ORDER BY h.seq DESC LIMIT 1), created_at);
                """)
        }
        // Digest runs: one row per (digest, period), the period being the slot's local wall time (`2026-11-30T09:00`)
        // or `manual:UNIX` for `herald digest send`; scheduled_at is NULL for a manual send. sent = 0 records a run
        // skipped as unchanged. digest_schedules remembers since when each digest has had its current schedule, so a
        // slot before that (a new digest, a changed schedule) is never sent as a missed run.
        migrator.registerMigration("v8-digest-runs") { db in
            try db.execute(sql: """
                CREATE TABLE digest_runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    digest TEXT NOT NULL,
                    period TEXT NOT NULL,
                    scheduled_at REAL,
                    run_at REAL NOT NULL,
                    report TEXT NOT NULL,
                    sent INTEGER NOT NULL,
                    late INTEGER NOT NULL,
                    UNIQUE (digest, period)
                );
                CREATE INDEX digest_runs_by_digest ON digest_runs(digest, run_at);
                CREATE TABLE digest_schedules (
                    digest TEXT PRIMARY KEY NOT NULL,
                    schedule TEXT NOT NULL,
                    tracked_since REAL NOT NULL
                );
                """)
        }
        // A project's own status (`active`, `on_hold`), so what reads the store (the API) sees an on-hold project.
        migrator.registerMigration("v9-project-status") { db in
            try db.execute(sql: "ALTER TABLE projects ADD COLUMN status TEXT NOT NULL DEFAULT 'active'")
        }
        // Slash commands received from chat and Herald's answers, for the communication log. person is NULL for an
        // unknown chat user; project_id/milestone_id name what the command was about, when it named something.
        migrator.registerMigration("v10-chat-log") { db in
            try db.execute(sql: """
                CREATE TABLE chat_commands (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    platform TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    person TEXT,
                    channel TEXT,
                    text TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    project_id TEXT,
                    milestone_id TEXT
                );
                CREATE INDEX chat_commands_by_time ON chat_commands(at);
                """)
        }
        // What the project file last stated for the fields the API and chat change (status, due, owner; JSON), so a
        // file apply overwrites an API change only when the file itself changed that field. NULL until the file is
        // applied again: the file wins then, as before.
        migrator.registerMigration("v10-file-values") { db in
            try db.execute(sql: "ALTER TABLE milestones ADD COLUMN file_values TEXT")
        }
        // A replay is a new delivery of the same message: it names the delivery it replays and who asked for it.
        migrator.registerMigration("v11-replays") { db in
            try db.execute(sql: """
                ALTER TABLE deliveries ADD COLUMN replay_of INTEGER REFERENCES deliveries(id);
                ALTER TABLE deliveries ADD COLUMN replayed_by TEXT;
                """)
        }
        // The Slack request signatures taken while their requests could still be accepted (five minutes after their
        // timestamp), so a captured command is refused after a restart too; rows past expires_at are pruned.
        migrator.registerMigration("v12-slack-replays") { db in
            try db.execute(sql: """
                CREATE TABLE slack_replays (
                    signature TEXT PRIMARY KEY,
                    expires_at REAL NOT NULL
                );
                CREATE INDEX slack_replays_by_expiry ON slack_replays(expires_at);
                """)
        }
        // Dashboard sessions: the SHA-256 of each session's random id (never the id itself), until when it lasts.
        // Logging out deletes the row; rows past expires_at are pruned.
        migrator.registerMigration("v12-dashboard-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE dashboard_sessions (
                    id_digest TEXT PRIMARY KEY,
                    created_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions(expires_at);
                """)
        }
        // When a delivery's retries count their age (max_age) from, when not from its message's release: a replay's
        // creation, a release by `channels enable`. NULL: the message's release.
        migrator.registerMigration("v12-retry-age") { db in
            try db.execute(sql: "ALTER TABLE deliveries ADD COLUMN aged_from REAL")
        }
        // The last pause of each channel (a spent receiver quota, an open circuit breaker): until when and why, for
        // `herald channels` and the dashboard; the daemon keeps the pause itself in memory.
        migrator.registerMigration("v12-channel-pauses") { db in
            try db.execute(sql: """
                CREATE TABLE channel_pauses (
                    channel TEXT PRIMARY KEY,
                    until REAL NOT NULL,
                    reason TEXT NOT NULL
                )
                """)
        }
        // Who made each milestone change (a person key or a free name): the API's `by`, the person behind a chat
        // command (whose source `chat:PERSON` already named them: backfilled here); NULL for a project file's changes.
        migrator.registerMigration("v13-history-actor") { db in
            try db.execute(sql: """
                ALTER TABLE milestone_history ADD COLUMN actor TEXT;
                UPDATE milestone_history SET actor = substr(source, 6) WHERE source LIKE 'chat:_%';
                """)
        }
        // An escalation's ladder paused by a snooze or a hold: since when (NULL while it climbs), and how long its
        // ended pauses lasted in all, seconds its levels fall due later.
        migrator.registerMigration("v14-withdraw") { db in
            try db.execute(sql: """
                ALTER TABLE escalations ADD COLUMN paused_at REAL;
                ALTER TABLE escalations ADD COLUMN paused_for REAL NOT NULL DEFAULT 0;
                """)
        }
        // An escalation's pauses since its last notice (seconds its next repeat falls later), and when its next
        // level or repeat falls due in its recipients' working time (NULL while paused, closed or spent; set by
        // the next evaluation for rows from before). A resolved escalation whose notice was still being sent when
        // it closed stays current (resolution_sent = 0) until that notice has arrived or failed.
        migrator.registerMigration("v15-escalation") { db in
            try db.execute(sql: """
                ALTER TABLE escalations ADD COLUMN repeat_paused_for REAL NOT NULL DEFAULT 0;
                ALTER TABLE escalations ADD COLUMN next_at REAL;
                DROP INDEX escalations_current;
                CREATE INDEX escalations_current ON escalations(id)
                    WHERE state = 'open' OR resolution_sent = 0 OR (state = 'acknowledged' AND rearmed = 0);
                """)
        }
        return migrator
    }
}
