package api.pantheon.payments.reports.boundary;

import java.io.IOException;
import java.io.Writer;

/** A way to write a settlement report out (CSV, JSON): the edge supplies them, the core keeps no format. */
public interface ReportFormat {

    /** The file extension and the download's name for it: {@code csv}, {@code json}. */
    String extension();

    String mediaType();

    void write(SettlementView report, Writer out) throws IOException;
}
