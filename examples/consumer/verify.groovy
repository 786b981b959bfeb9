// Checks the consumer build that the Maven Invoker ran (invoker.properties): -Dgroups=smoke ran
// the one smoke scenario, the full run every variant and the comparisons, named by title, and the
// team's own Jupiter test beside them.
def log = new File(basedir, 'build.log').text
def totals = (log =~ /(?m)^\[INFO\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)\s*$/).collect { it[1..4]*.toInteger() }
assert totals.size() >= 2 : "expected the totals of two Surefire runs in build.log, found ${totals}"
assert totals[-2] == [1, 0, 0, 0] : "-Dgroups=smoke: expected 1 test, found ${totals[-2]}"
assert totals[-1] == [6, 0, 0, 0] : "full run: expected 5 scenario tests and 1 Jupiter test, found ${totals[-1]}"
def xml = new File(basedir, 'target/surefire-reports/TEST-com.example.ScenariosTest.xml').text
['base: XOR is learnt by a small MLP', 'base: Two moons, pinned by a regression snapshot',
 'too_low: Blobs, learning rate too low against about right'].each {
    assert xml.contains("name=\"${it}\"") : "no test named '${it}' in the XML report"
}
return true
