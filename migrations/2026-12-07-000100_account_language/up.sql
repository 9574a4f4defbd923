-- The language a chat is spoken to in (docs/languages.md): a catalogue's code such as 'de' or
-- 'pt-BR'. It follows what the platform reports until the chat picks one with /language
-- (language_chosen); alerts and reminders, which answer no message, read it from here.
-- No CHECK on the codes: a language added later needs no migration, and a code no longer
-- spoken falls back to English when it is read.
ALTER TABLE accounts
    ADD COLUMN language TEXT,
    ADD COLUMN language_chosen BOOLEAN NOT NULL DEFAULT false;
