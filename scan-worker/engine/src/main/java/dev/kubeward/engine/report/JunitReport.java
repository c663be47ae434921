package dev.kubeward.engine.report;

import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ResourceResult;

/** JUnit XML for CI systems: one suite per control, one test case per control × resource, failures for failed ones. */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(ScanReport report) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = 0, failures = 0;
        StringBuilder suites = new StringBuilder();
        for (ControlResult cr : report.result().controls()) {
            if (cr.resources().isEmpty()) continue;
            tests += cr.evaluatedCount();
            failures += cr.failedCount();
            suites.append("  <testsuite name=\"").append(esc(cr.control().id() + " " + cr.control().name()))
                    .append("\" tests=\"").append(cr.evaluatedCount()).append("\" failures=\"").append(cr.failedCount()).append("\">\n");
            for (ResourceResult rr : cr.resources()) {
                suites.append("    <testcase classname=\"").append(esc(cr.control().id())).append("\" name=\"")
                        .append(esc(rr.resource().display())).append('"');
                if (!rr.failed()) {
                    suites.append("/>\n");
                    continue;
                }
                suites.append(">\n      <failure type=\"").append(cr.control().severity().name().toLowerCase()).append("\" message=\"")
                        .append(esc(rr.message().isEmpty() ? cr.control().name() : rr.message())).append("\">")
                        .append(esc(String.join("\n", rr.failedPaths()))).append("</failure>\n    </testcase>\n");
            }
            suites.append("  </testsuite>\n");
        }
        xml.append("<testsuites name=\"kubeward\" tests=\"").append(tests).append("\" failures=\"").append(failures).append("\">\n")
                .append(suites).append("</testsuites>\n");
        return xml.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
