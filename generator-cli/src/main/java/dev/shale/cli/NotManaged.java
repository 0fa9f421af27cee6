package dev.shale.cli;

import java.io.PrintWriter;
import java.util.List;

/** The one way every comparing command names the objects Shale does not model: a line each, by kind and name. */
final class NotManaged {
    private NotManaged() {}

    /**
     * @param what what happens to them in this command ({@code left alone}, {@code not compared})
     */
    static void print(PrintWriter out, List<String> objects, String what) {
        for (String object : objects) {
            out.println("not managed: " + object + " \u2014 " + what);
        }
    }
}
