package com.uberpopug.ates.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the analytics facts live.
 *
 * @param url      the server, as a legacy-driver JDBC URL without database, e.g. {@code jdbc:clickhouse://127.0.0.1:8123}
 * @param database created at start when missing
 */
@ConfigurationProperties("ates.clickhouse")
public record ClickHouseProperties(String url, String database, String user, String password) {

    public ClickHouseProperties {
        url = url == null ? "jdbc:clickhouse://127.0.0.1:8123" : url;
        database = database == null ? "ates" : database;
        user = user == null ? "default" : user;
        password = password == null ? "" : password;
    }
}
