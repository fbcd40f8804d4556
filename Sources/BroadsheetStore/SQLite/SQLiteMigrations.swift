import GRDB

/// The schema's history. Append-only: a migration that has shipped is never edited; change the schema with a new one.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // GRDB runs each migration with foreign keys off (so tables can be rebuilt) and checks them all with
        // `PRAGMA foreign_key_check` before it commits; outside migrations every statement checks them as it runs.
        migrator.registerMigration("2026-11-24 reader site schema: stories, revisions, taxonomy, images, partners, accounts") { db in
            try db.execute(sql: schemaV1)
        }
        migrator.registerMigration("2026-11-24 full-text search over published stories, ordered by publication time") { db in
            try db.execute(sql: fullTextSearch)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM articles WHERE status = 'published'") {
                try SearchIndexing.index(db, articleID: id)
            }
        }
        migrator.registerMigration("2026-11-24 newsroom: who created each story, feed order by last change, failed sign-ins") { db in
            try db.execute(sql: newsroom)
        }
        migrator.registerMigration("2026-11-25 partner intake: poll status, imported items, HTML bodies, original author and time") { db in
            try db.execute(sql: partnerIntake)
        }
        migrator.registerMigration("2026-11-25 content version for page caches") { db in
            try db.execute(sql: contentVersion)
        }
        migrator.registerMigration("2026-12-05 story cards rendered when stories change") { db in
            try db.execute(sql: storyCards)
        }
        migrator.registerMigration("2026-12-05 feed entries kept with story cards") { db in
            try db.execute(sql: storyFeedItems)
        }
        migrator.registerMigration("2026-12-06 lists read from their indexes alone") { db in
            try db.execute(sql: coveringListIndexes)
        }
        // Foreign keys checked as it goes: nothing it does can break one, and the check GRDB runs otherwise reads the
        // whole database (45 s at the first start of a 100,000-story one).
        migrator.registerMigration(
            "2026-12-07 kept pieces in a table with row ids: finding one no longer reads the pieces passed", foreignKeyChecks: .immediate
        ) { db in
            try db.execute(sql: storyFeedItemsByRowID)
        }
        return migrator
    }

    /// The first schema, designed for the newsroom, partner intake and corrections that follow the reader site.
    private static let schemaV1 = """
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE images (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            media_type TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            byte_size INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            created_at DATETIME NOT NULL
        );

        CREATE TABLE authors (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            bio TEXT NOT NULL DEFAULT '',
            photo_image_id INTEGER REFERENCES images(id) ON DELETE SET NULL
        );

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            slug TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL
        );

        CREATE TABLE partners (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            homepage TEXT NOT NULL,
            feed_url TEXT,
            default_section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
            licence_note TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT 'draft' CHECK (mode IN ('draft', 'publish')),
            poll_interval_seconds INTEGER NOT NULL DEFAULT 900,
            created_at DATETIME NOT NULL
        );

        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'writer', 'contributor')),
            password_hash TEXT NOT NULL,
            author_id INTEGER REFERENCES authors(id) ON DELETE SET NULL,
            created_at DATETIME NOT NULL,
            disabled_at DATETIME
        );

        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at DATETIME NOT NULL,
            last_seen_at DATETIME NOT NULL,
            expires_at DATETIME NOT NULL
        );
        CREATE INDEX sessions_user ON sessions(user_id);

        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            guid TEXT NOT NULL UNIQUE,
            slug TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished')),
            headline TEXT NOT NULL,
            standfirst TEXT NOT NULL DEFAULT '',
            word_count INTEGER NOT NULL DEFAULT 0,
            section_id INTEGER NOT NULL REFERENCES sections(id),
            lead_image_id INTEGER REFERENCES images(id) ON DELETE SET NULL,
            lead_image_alt TEXT NOT NULL DEFAULT '',
            lead_image_caption TEXT NOT NULL DEFAULT '',
            lead_image_credit TEXT NOT NULL DEFAULT '',
            source_name TEXT,
            source_url TEXT,
            partner_id INTEGER REFERENCES partners(id) ON DELETE SET NULL,
            partner_item_id TEXT,
            current_revision_id INTEGER,
            created_at DATETIME NOT NULL,
            modified_at DATETIME NOT NULL,
            published_at DATETIME,
            content_updated_at DATETIME,
            scheduled_for DATETIME,
            CHECK (status <> 'published' OR published_at IS NOT NULL),
            CHECK (status <> 'scheduled' OR scheduled_for IS NOT NULL),
            CHECK ((source_name IS NULL) = (source_url IS NULL))
        );
        CREATE INDEX articles_published ON articles(published_at DESC, id DESC) WHERE status = 'published';
        CREATE INDEX articles_section_published ON articles(section_id, published_at DESC, id DESC) WHERE status = 'published';
        CREATE INDEX articles_scheduled ON articles(scheduled_for) WHERE status = 'scheduled';
        CREATE UNIQUE INDEX articles_partner_item ON articles(partner_id, partner_item_id) WHERE partner_item_id IS NOT NULL;

        -- Bodies live apart from the story rows, so that lists, filters and joins read small rows.
        CREATE TABLE article_bodies (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            body_html TEXT NOT NULL,
            body_text TEXT NOT NULL
        );

        CREATE TABLE article_authors (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            author_id INTEGER NOT NULL REFERENCES authors(id) ON DELETE RESTRICT,
            position INTEGER NOT NULL,
            PRIMARY KEY (article_id, author_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_authors_author ON article_authors(author_id, article_id);

        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

        -- Every saved version of a story; the story row points at its current one, which holds the Markdown source.
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            created_at DATETIME NOT NULL,
            headline TEXT NOT NULL,
            standfirst TEXT NOT NULL,
            body_markdown TEXT NOT NULL,
            substantive INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX revisions_article ON revisions(article_id, id);

        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('correction', 'clarification')),
            text TEXT NOT NULL,
            created_at DATETIME NOT NULL
        );
        CREATE INDEX corrections_article ON corrections(article_id, created_at);
        CREATE INDEX corrections_created ON corrections(created_at DESC);

        -- Old slugs of published stories, answered with a permanent redirect.
        CREATE TABLE slug_redirects (
            old_slug TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        """

    /// The search index. Each published story has a search document whose key orders stories by publication time,
    /// so that "newest first", date ranges and "the newest N matches" are ranges of the index's own row order.
    /// Its facets column holds filter tokens (section, authors, tags), so filters are matched inside the index too.
    /// FTS5 reads the text through a view (external content); the store keeps documents and index in step inside
    /// each write transaction (`SearchIndexing`). Words are folded (case, diacritics) and stemmed (Porter).
    private static let fullTextSearch = """
        CREATE TABLE search_documents (
            key INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
            facets TEXT NOT NULL
        );

        CREATE VIEW search_source AS
            SELECT d.key, a.headline, a.standfirst, b.body_text, d.facets
            FROM search_documents d
            JOIN articles a ON a.id = d.article_id
            JOIN article_bodies b ON b.article_id = d.article_id;

        CREATE VIRTUAL TABLE search_index USING fts5(
            headline, standfirst, body_text, facets,
            content = 'search_source', content_rowid = 'key',
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '4 5 6 7 8'
        );
        """

    /// Ownership of stories (for writers' and contributors' rights), the time a story last changed for readers
    /// (publication, substantive update or correction; feeds put it back on top), and failed sign-ins counted across
    /// app servers.
    private static let newsroom = """
        ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
        ALTER TABLE articles ADD COLUMN changed_at DATETIME;
        UPDATE articles SET changed_at = max(published_at, coalesce(content_updated_at, published_at))
            WHERE published_at IS NOT NULL;
        CREATE INDEX articles_changed ON articles(changed_at DESC, id DESC) WHERE status = 'published';
        CREATE INDEX articles_modified ON articles(modified_at DESC, id DESC);
        CREATE INDEX articles_created_by ON articles(created_by);

        CREATE TABLE login_failures (
            key TEXT NOT NULL,
            at DATETIME NOT NULL
        );
        CREATE INDEX login_failures_key ON login_failures(key, at);
        """

    /// What intake needs: each partner's poll status and claim (several servers poll without overlapping), every item
    /// taken in (recognised again by key, link or fingerprint), and the body format of each revision.
    private static let partnerIntake = """
        ALTER TABLE partners ADD COLUMN last_polled_at DATETIME;
        ALTER TABLE partners ADD COLUMN last_success_at DATETIME;
        ALTER TABLE partners ADD COLUMN last_error TEXT;
        ALTER TABLE partners ADD COLUMN next_poll_at DATETIME;
        ALTER TABLE partners ADD COLUMN consecutive_failures INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE partners ADD COLUMN etag TEXT;
        ALTER TABLE partners ADD COLUMN last_modified TEXT;
        ALTER TABLE partners ADD COLUMN claimed_until DATETIME;

        ALTER TABLE articles ADD COLUMN source_author TEXT;
        ALTER TABLE articles ADD COLUMN source_published_at DATETIME;
        ALTER TABLE revisions ADD COLUMN body_format TEXT NOT NULL DEFAULT 'markdown' CHECK (body_format IN ('markdown', 'html'));

        CREATE TABLE partner_items (
            partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            link TEXT,
            fingerprint INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            -- 1 when the item was recognised as a story that came in another way: it never updates that story.
            is_alias INTEGER NOT NULL DEFAULT 0,
            -- The revision the last import wrote; a newer current revision means the newsroom has edited the story.
            revision_id INTEGER,
            first_seen_at DATETIME NOT NULL,
            last_seen_at DATETIME NOT NULL,
            PRIMARY KEY (partner_id, item_key)
        );
        CREATE INDEX partner_items_link ON partner_items(link) WHERE link IS NOT NULL;
        CREATE INDEX partner_items_seen ON partner_items(first_seen_at);
        CREATE INDEX partner_items_article ON partner_items(article_id);
        """

    /// One counter, moved by triggers on every table whose rows readers see, so that every server (and a command
    /// such as `feed poll` in another process) can tell its page cache that something changed.
    private static var contentVersion: String {
        var sql = """
            CREATE TABLE content_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT INTO content_version (id, version) VALUES (1, 1);

            """
        for table in ["articles", "article_bodies", "corrections", "sections", "authors", "tags", "article_tags", "article_authors"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                sql += """
                    CREATE TRIGGER content_version_\(table)_\(event.lowercased()) AFTER \(event) ON \(table)
                    BEGIN UPDATE content_version SET version = version + 1 WHERE id = 1; END;

                    """
            }
        }
        return sql
    }

    /// Each published story's card, rendered by the web layer when the story changes, and the format they were
    /// rendered in. Triggers drop a card in the same transaction as any change to what it shows (the story's row,
    /// its byline, an author's or a section's row, its lead picture; tags are not on cards) and note the story in
    /// `story_cards_pending`, which is what a renderer reads: finding the stories without a card by looking would
    /// read every story.
    private static let storyCards = """
        CREATE TABLE story_cards (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            head TEXT NOT NULL,
            tail TEXT NOT NULL
        );
        CREATE TABLE story_card_format (id INTEGER PRIMARY KEY CHECK (id = 1), format TEXT NOT NULL);
        CREATE TABLE story_cards_pending (article_id INTEGER PRIMARY KEY);
        INSERT INTO story_cards_pending (article_id) SELECT id FROM articles WHERE status = 'published';
        CREATE TRIGGER story_cards_article_insert AFTER INSERT ON articles
        BEGIN INSERT OR IGNORE INTO story_cards_pending (article_id) VALUES (NEW.id); END;
        CREATE TRIGGER story_cards_article_update AFTER UPDATE ON articles
        BEGIN
            DELETE FROM story_cards WHERE article_id = OLD.id;
            INSERT OR IGNORE INTO story_cards_pending (article_id) VALUES (NEW.id);
        END;
        CREATE TRIGGER story_cards_byline_insert AFTER INSERT ON article_authors
        BEGIN
            DELETE FROM story_cards WHERE article_id = NEW.article_id;
            INSERT OR IGNORE INTO story_cards_pending (article_id) VALUES (NEW.article_id);
        END;
        CREATE TRIGGER story_cards_byline_update AFTER UPDATE ON article_authors
        BEGIN
            DELETE FROM story_cards WHERE article_id IN (OLD.article_id, NEW.article_id);
            INSERT OR IGNORE INTO story_cards_pending (article_id) VALUES (OLD.article_id), (NEW.article_id);
        END;
        CREATE TRIGGER story_cards_byline_delete AFTER DELETE ON article_authors
        BEGIN
            DELETE FROM story_cards WHERE article_id = OLD.article_id;
            INSERT OR IGNORE INTO story_cards_pending (article_id) VALUES (OLD.article_id);
        END;
        CREATE TRIGGER story_cards_author_update AFTER UPDATE ON authors
        BEGIN
            DELETE FROM story_cards WHERE article_id IN (SELECT article_id FROM article_authors WHERE author_id = OLD.id);
            INSERT OR IGNORE INTO story_cards_pending (article_id) SELECT article_id FROM article_authors WHERE author_id = OLD.id;
        END;
        CREATE TRIGGER story_cards_section_update AFTER UPDATE ON sections
        BEGIN
            DELETE FROM story_cards WHERE article_id IN (SELECT id FROM articles WHERE section_id = OLD.id AND status = 'published');
            INSERT OR IGNORE INTO story_cards_pending (article_id) SELECT id FROM articles WHERE section_id = OLD.id AND status = 'published';
        END;
        CREATE TRIGGER story_cards_image_update AFTER UPDATE ON images
        BEGIN
            DELETE FROM story_cards WHERE article_id IN (SELECT id FROM articles WHERE lead_image_id = OLD.id);
            INSERT OR IGNORE INTO story_cards_pending (article_id) SELECT id FROM articles WHERE lead_image_id = OLD.id;
        END;
        """

    /// Every list (front page, section, author, tag) walks published stories newest first and needs of each row only
    /// its section, lead picture and status besides its place in the order: with those in the index, SQLite reads
    /// no story row at all (a front page's lists read about 55 rows). `status` is there although the index only holds
    /// published stories, because SQLite still reads the column to check the query's `status = 'published'`.
    /// Sections are listed by position, then name, on every page.
    private static let coveringListIndexes = """
        DROP INDEX articles_published;
        DROP INDEX articles_section_published;
        CREATE INDEX articles_published
            ON articles(published_at DESC, id DESC, section_id, lead_image_id, status) WHERE status = 'published';
        CREATE INDEX articles_section_published
            ON articles(section_id, published_at DESC, id DESC, lead_image_id, status) WHERE status = 'published';
        CREATE INDEX sections_navigation ON sections(position, name);
        """

    /// `story_feed_items` was a WITHOUT ROWID table: its rows, pieces of several kilobytes (feed entries, story pages'
    /// own parts, lead cards), were the keys of its one B-tree. Such a row does not fit in an index page, and SQLite
    /// reads a key that does not fit whole, overflow pages and all, before comparing it: each piece looked up read two
    /// or three others along the way (a fifth of a 50-item feed's time in `perf`). With row ids the search compares
    /// the short (story, format) keys of the unique index, then reads the one row.
    ///
    /// The pieces are not copied over: they are rendered again and kept as readers ask for them, and copying them
    /// (up to a story page's worth for every story read) would hold the write lock for as long as that takes, while
    /// the other app servers' writes wait.
    private static let storyFeedItemsByRowID = """
        DROP TABLE story_feed_items;
        CREATE TABLE story_feed_items (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES story_cards(article_id) ON DELETE CASCADE,
            format TEXT NOT NULL,
            item TEXT NOT NULL,
            UNIQUE (article_id, format)
        );
        """

    /// Stories' entries in each feed format, kept once a feed has rendered them, and dropped with the story's card:
    /// deleting a card (which every change the card shows does) deletes its entries. Entries also show the body, the
    /// tags and the corrections, so changes to those drop the card too (and note the story for a new card).
    private static var storyFeedItems: String {
        var sql = """
            CREATE TABLE story_feed_items (
                article_id INTEGER NOT NULL REFERENCES story_cards(article_id) ON DELETE CASCADE,
                format TEXT NOT NULL,
                item TEXT NOT NULL,
                PRIMARY KEY (article_id, format)
            ) WITHOUT ROWID;

            """
        // The story each changed row belongs to, before (OLD) and after (NEW) the change.
        let rowsOfStories: [(table: String, events: [String], story: String)] = [
            ("article_bodies", ["INSERT", "UPDATE", "DELETE"], "article_id"),
            ("article_tags", ["INSERT", "UPDATE", "DELETE"], "article_id"),
            ("corrections", ["INSERT", "UPDATE", "DELETE"], "article_id"),
        ]
        for (table, events, story) in rowsOfStories {
            for event in events {
                let rows = switch event {
                case "INSERT": ["NEW"]
                case "DELETE": ["OLD"]
                default: ["OLD", "NEW"]
                }
                let ids = rows.map { "\($0).\(story)" }.joined(separator: ", ")
                sql += """
                    CREATE TRIGGER story_feed_items_\(table)_\(event.lowercased()) AFTER \(event) ON \(table)
                    BEGIN
                        DELETE FROM story_cards WHERE article_id IN (\(ids));
                        INSERT OR IGNORE INTO story_cards_pending (article_id) VALUES \(rows.map { "(\($0).\(story))" }.joined(separator: ", "));
                    END;

                    """
            }
        }
        // A renamed topic: every story that carries it.
        sql += """
            CREATE TRIGGER story_feed_items_tag_update AFTER UPDATE ON tags
            BEGIN
                DELETE FROM story_cards WHERE article_id IN (SELECT article_id FROM article_tags WHERE tag_id = OLD.id);
                INSERT OR IGNORE INTO story_cards_pending (article_id) SELECT article_id FROM article_tags WHERE tag_id = OLD.id;
            END;

            """
        return sql
    }
}
