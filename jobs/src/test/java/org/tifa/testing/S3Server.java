package org.tifa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for tests: s3proxy on 127.0.0.1 at a free port, storing objects as
 * files under a folder ({@code <folder>/<bucket>/<key>}), with one bucket created. Clients speak S3
 * over HTTP to it, signed with fixed test credentials.
 *
 * <p>As a JUnit 5 extension it starts before the class's {@code @BeforeAll} methods and stops after
 * its {@code @AfterAll} ones: {@code @RegisterExtension static final S3Server S3 = new
 * S3Server();}. Without JUnit: {@code try (S3Server s3 = new S3Server().start()) {...}}.
 *
 * <p>{@link #hadoopSettings} point S3A at it and only at it: endpoint, path-style requests, plain
 * HTTP, a fixed region and the static credentials as the only provider, so neither the region nor
 * the credentials are looked up anywhere else (environment, profile files, instance metadata). The
 * bucket's name is new for each server: Hadoop caches one S3A client per bucket and JVM, and a
 * client made for an earlier server would still point at that server's port.
 *
 * <p>{@link #keys}, {@link #read}, {@link #put} and {@link #putIfAbsent} see the store through the
 * AWS SDK's own S3 client over HTTP, independently of S3A.
 */
public final class S3Server implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  public static final String ACCESS_KEY = "tifa-test-access";
  public static final String SECRET_KEY = "tifa-test-secret";
  public static final String REGION = "us-east-1";

  /** The folder given by the caller, or null when the server makes (and removes) its own. */
  private final Path givenFolder;

  private final String bucket = "tifa-" + UUID.randomUUID().toString().substring(0, 8);
  private Path folder;
  private BlobStore store;
  private S3Proxy proxy;
  private URI endpoint;
  private S3Client client;
  private long startMillis;

  /** A server over a temporary folder of its own, removed when the server closes. */
  public S3Server() {
    this(null);
  }

  /** A server whose objects live under {@code folder} (e.g. a {@code @TempDir}), kept on close. */
  public S3Server(Path folder) {
    this.givenFolder = folder;
  }

  /** Starts the server and creates the bucket; returns this server. */
  public S3Server start() throws Exception {
    long t0 = System.nanoTime();
    // The SDK asks the EC2 instance metadata service for credentials or a region when nothing
    // else names them; nothing in a test may reach that address.
    System.setProperty("aws.disableEc2Metadata", "true");
    folder = givenFolder != null ? givenFolder : Files.createTempDirectory("tifa-s3");
    store = new FilesystemNio2BlobStore(folder.toString());
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            // Requests have completed by the time a test closes the server: no graceful drain of
            // the keep-alive connections the clients left open.
            .stopTimeout(0)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      if ("FAILED".equals(proxy.getState())) {
        throw new IllegalStateException("s3proxy did not start");
      }
      Thread.sleep(5);
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    store.createContainer(bucket);
    client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.of(REGION))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(ApacheHttpClient.builder())
            .build();
    startMillis = (System.nanoTime() - t0) / 1_000_000;
    return this;
  }

  /** The server's endpoint, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }

  /** The folder holding the objects: {@code folder()/bucket()/key} is an object's file. */
  public Path folder() {
    return folder;
  }

  /** Milliseconds {@link #start} took (server up, bucket created, SDK client built). */
  public long startMillis() {
    return startMillis;
  }

  /** {@code s3a://BUCKET/path} for a path relative to the bucket (no leading slash). */
  public String uri(String path) {
    return "s3a://" + bucket + "/" + path;
  }

  /** The Hadoop settings that point S3A at this server. */
  public Map<String, String> hadoopSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("fs.s3a.endpoint", endpoint.toString());
    s.put("fs.s3a.endpoint.region", REGION);
    s.put("fs.s3a.path.style.access", "true");
    s.put("fs.s3a.connection.ssl.enabled", "false");
    s.put(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    s.put("fs.s3a.access.key", ACCESS_KEY);
    s.put("fs.s3a.secret.key", SECRET_KEY);
    // The bucket exists: no probe at start-up.
    s.put("fs.s3a.bucket.probe", "0");
    // A server on loopback answers at once; a failure should surface in seconds, not after
    // S3A's retries for a distant, throttling store.
    s.put("fs.s3a.attempts.maximum", "2");
    s.put("fs.s3a.retry.limit", "2");
    s.put("fs.s3a.retry.interval", "100ms");
    s.put("fs.s3a.connection.establish.timeout", "5s");
    s.put("fs.s3a.connection.timeout", "30s");
    return s;
  }

  /** A new Hadoop configuration with {@link #hadoopSettings}. */
  public Configuration hadoopConf() {
    Configuration conf = new Configuration();
    hadoopSettings().forEach(conf::set);
    return conf;
  }

  /** {@link #hadoopSettings} as Spark settings ({@code spark.hadoop.} before each name). */
  public Map<String, String> sparkSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    hadoopSettings().forEach((k, v) -> s.put("spark.hadoop." + k, v));
    return s;
  }

  /** {@code conf} with {@link #sparkSettings} added. */
  public SparkConf configure(SparkConf conf) {
    sparkSettings().forEach(conf::set);
    return conf;
  }

  /** The keys of every object whose key starts with {@code prefix}, in S3's (byte) order. */
  public List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
    for (S3Object o : client.listObjectsV2Paginator(request).contents()) {
      keys.add(o.key());
    }
    return keys;
  }

  /** The bytes of the object at {@code key}. */
  public byte[] read(String key) {
    return client
        .getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
        .asByteArray();
  }

  /** Writes (or replaces) the object at {@code key}. */
  public void put(String key, byte[] bytes) {
    client.putObject(
        PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(bytes));
  }

  /**
   * Writes the object at {@code key} only if there is none, in one request ({@code If-None-Match:
   * *}); false when the server refused because the key exists (412 Precondition Failed).
   */
  public boolean putIfAbsent(String key, byte[] bytes) {
    try {
      client.putObject(
          PutObjectRequest.builder().bucket(bucket).key(key).ifNoneMatch("*").build(),
          RequestBody.fromBytes(bytes));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  /**
   * Stops the server, closes this bucket's cached S3A client (its thread pools and connections) and
   * removes the folder if the server made it.
   */
  @Override
  public void close() throws Exception {
    if (proxy == null) {
      return;
    }
    FileSystem.get(URI.create("s3a://" + bucket + "/"), hadoopConf()).close();
    client.close();
    proxy.stop();
    store.close();
    proxy = null;
    if (givenFolder == null) {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths
            .sorted(Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
  }
}
