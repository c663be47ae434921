package dev.kubeward.agent.image.analyse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Red Hat family packages from rpm's sqlite database ({@code rpmdb.sqlite}, rpm 4.16+: RHEL 9, UBI 9, Fedora 33+):
 * one header blob per installed package in table {@code Packages}, parsed by {@link RpmHeader}.
 *
 * <p>NB: the file read is the analyser's private copy, so sqlite may create its {@code -wal} and {@code -shm}
 * files beside it. rpm checkpoints and removes the write-ahead log when it closes the database, so an image
 * holds the whole database in {@code rpmdb.sqlite}. The {@code gpg-pubkey} entries are imported signing keys,
 * not software, and are left out. The Berkeley DB and ndb formats of older releases are not read.
 */
public final class RpmDatabase {

    private static final Logger log = LoggerFactory.getLogger(RpmDatabase.class);

    private RpmDatabase() {
    }

    public static List<Package> read(Path sqlite, OsRelease os, String location) throws SQLException {
        List<Package> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + sqlite.toAbsolutePath());
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (rows.next()) {
                RpmHeader header;
                try {
                    header = RpmHeader.parse(rows.getBytes(2));
                } catch (IllegalArgumentException e) {
                    log.warn("rpm package {} in {} skipped: {}", rows.getLong(1), location, e.getMessage());
                    continue;
                }
                if (!header.name().equals("gpg-pubkey")) out.add(toPackage(header, os, location));
            }
        }
        return out;
    }

    private static Package toPackage(RpmHeader h, OsRelease os, String location) {
        String version = h.version() + "-" + h.release();
        Map<String, String> qualifiers = new TreeMap<>();
        qualifiers.put("arch", h.arch());
        qualifiers.put("distro", os.distro());
        qualifiers.put("epoch", h.epoch() == null || h.epoch() == 0 ? null : String.valueOf(h.epoch()));
        String shown = h.epoch() == null || h.epoch() == 0 ? version : h.epoch() + ":" + version;
        return new Package(h.name(), shown, new Purl("rpm", os.namespace("rpm"), h.name(), version, qualifiers), location);
    }
}
