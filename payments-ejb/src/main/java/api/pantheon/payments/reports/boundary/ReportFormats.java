package api.pantheon.payments.reports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The report formats the edge has registered at start (in an EAR the core cannot look them up itself). */
@ApplicationScoped
public class ReportFormats {

    private final List<ReportFormat> formats = new CopyOnWriteArrayList<>();

    public void register(ReportFormat format) {
        formats.removeIf(known -> known.extension().equals(format.extension()));
        formats.add(format);
    }

    public List<ReportFormat> all() {
        return List.copyOf(formats);
    }

    public Optional<ReportFormat> of(String extension) {
        return formats.stream().filter(format -> format.extension().equals(extension)).findFirst();
    }
}
