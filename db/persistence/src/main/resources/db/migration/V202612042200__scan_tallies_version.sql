-- A scan's control summaries change after the scan in two places: the platform's image-vulnerability controls
-- (C-0083..C-0085) are added to the latest scan, and applying exceptions rewrites "excepted". Each bumps this
-- version, so the platform can keep a scan's summaries in memory and know exactly when they are stale.
ALTER TABLE scans ADD COLUMN tallies_version integer NOT NULL DEFAULT 0;
