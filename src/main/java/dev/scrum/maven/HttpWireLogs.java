package dev.scrum.maven;

/**
 * Keeps API keys out of {@code mvn -X} logs: HttpClient 5 logs every request header, {@code Authorization}
 * included, through its {@code headers} and {@code wire} loggers, which Maven's SLF4J binding enables with
 * {@code -X}. Setting them to {@code info} before the first connection silences them.
 */
final class HttpWireLogs {

    private static final String[] LOGGERS = {
        "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire"
    };

    private HttpWireLogs() {}

    static void quiet() {
        for (String logger : LOGGERS) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
        }
    }
}
