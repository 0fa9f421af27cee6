import dev.shale.introspect.Introspector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Times Introspector.read on a database, in one warm JVM: {@code java -cp <the CLI's class path>
 * IntrospectBench.java <jdbc-url> <runs>}. Prints the median, the catalog queries one read sends and
 * what it found. The first read warms the JVM and is not counted.
 */
public class IntrospectBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int runs = Integer.parseInt(args[1]);
        List<Double> millis = new ArrayList<>();
        Introspector.Introspection last = null;
        for (int i = 0; i <= runs; i++) {
            try (Connection c = DriverManager.getConnection(url)) {
                long start = System.nanoTime();
                last = Introspector.read(c, Set.of("public"));
                double ms = (System.nanoTime() - start) / 1e6;
                if (i > 0) {
                    millis.add(ms);
                }
            }
        }
        Collections.sort(millis);
        double median = millis.size() % 2 == 1 ? millis.get(millis.size() / 2)
                : (millis.get(millis.size() / 2 - 1) + millis.get(millis.size() / 2)) / 2;
        System.out.printf("introspect_ms=%.0f queries=%d tables=%d enums=%d%n", median, last.queries(),
                last.model().tables().size(), last.model().enums().size());
    }
}
