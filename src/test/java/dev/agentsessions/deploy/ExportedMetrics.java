package dev.agentsessions.deploy;

import static io.restassured.RestAssured.given;

import java.util.Set;
import java.util.TreeSet;

/**
 * The series names a running instance exports at /q/metrics, taken from its sample lines. Matching
 * queries against sample names rather than `# TYPE` families needs no suffix rules: a counter family
 * `x` is sampled as `x_total`, a histogram as `x_bucket`, `x_count` and `x_sum`, exactly as queried.
 */
final class ExportedMetrics {

    private ExportedMetrics() {}

    static Set<String> scrape() {
        String exposition = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> names = new TreeSet<>();
        exposition.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }
}
