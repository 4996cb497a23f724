"""Ordered schema migrations. Never edit a released step: add a new one."""

from __future__ import annotations

APPLICATION_ID = 0x43505448
"""`PRAGMA application_id` stamped into every careerpath database ('CPTH')."""

MIGRATIONS: tuple[str, ...] = (
    # 1: the first release's records.
    """
    CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        professions TEXT NOT NULL DEFAULT '[]',
        home_state TEXT,
        specialty TEXT,
        target_roles TEXT NOT NULL DEFAULT '[]',
        nlc_answers TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE licenses (
        id INTEGER PRIMARY KEY,
        profession TEXT NOT NULL,
        jurisdiction TEXT NOT NULL,
        kind TEXT NOT NULL,
        number TEXT,
        issued TEXT,
        expires TEXT,
        status TEXT NOT NULL,
        home_license_id INTEGER REFERENCES licenses(id),
        note TEXT
    );
    CREATE TABLE certifications (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        issuer TEXT,
        number TEXT,
        earned TEXT,
        expires TEXT
    );
    CREATE TABLE ce_activities (
        id INTEGER PRIMARY KEY,
        completed TEXT NOT NULL,
        title TEXT NOT NULL,
        provider TEXT,
        accreditor TEXT,
        amount TEXT NOT NULL,
        unit TEXT NOT NULL,
        topics TEXT NOT NULL DEFAULT '[]',
        format TEXT NOT NULL,
        certificate TEXT,
        claimed_for TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX ce_activities_completed ON ce_activities (completed);
    CREATE TABLE skills (
        id INTEGER PRIMARY KEY,
        skill TEXT NOT NULL,
        kind TEXT NOT NULL,
        level INTEGER NOT NULL,
        last_performed TEXT,
        note TEXT
    );
    CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        jurisdiction TEXT NOT NULL,
        facility TEXT,
        city TEXT,
        specialty TEXT,
        profession TEXT,
        start TEXT NOT NULL,
        "end" TEXT,
        status TEXT NOT NULL,
        note TEXT
    );
    """,
    # 2: growth planning: the user's interest in a skill, and ticked plan steps.
    """
    ALTER TABLE skills ADD COLUMN interested INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE plan_steps (
        key TEXT PRIMARY KEY,
        done_on TEXT NOT NULL
    );
    """,
    # 3: answers derived from the records (reminders), cleared by every write transaction.
    """
    CREATE TABLE answer_cache (
        name TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    """,
    # 4: residence history (the NLC's move rules), birth date (expiry rules tied to it), and
    # how a license was obtained (first-renewal rules by route).
    """
    ALTER TABLE profile ADD COLUMN home_since TEXT;
    ALTER TABLE profile ADD COLUMN previous_home TEXT;
    ALTER TABLE profile ADD COLUMN birth_date TEXT;
    ALTER TABLE licenses ADD COLUMN route TEXT;
    """,
    # 5: what a CE certificate prints that a board audit asks for.
    """
    ALTER TABLE ce_activities ADD COLUMN accreditation TEXT;
    ALTER TABLE ce_activities ADD COLUMN approval_number TEXT;
    ALTER TABLE ce_activities ADD COLUMN certificate_number TEXT;
    """,
    # 6: each skill rating's history (level, date, how assessed), so growth can be shown.
    # Ratings saved before keep their level as one undated, self-assessed entry.
    """
    ALTER TABLE skills ADD COLUMN assessed_on TEXT;
    ALTER TABLE skills ADD COLUMN assessed_by TEXT NOT NULL DEFAULT 'self';
    CREATE TABLE skill_history (
        id INTEGER PRIMARY KEY,
        skill_id INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
        level INTEGER NOT NULL,
        assessed_on TEXT,
        assessed_by TEXT NOT NULL DEFAULT 'self'
    );
    CREATE INDEX skill_history_skill ON skill_history (skill_id, id);
    INSERT INTO skill_history (skill_id, level, assessed_on, assessed_by)
        SELECT id, level, NULL, 'self' FROM skills;
    """,
)

LATEST = len(MIGRATIONS)
