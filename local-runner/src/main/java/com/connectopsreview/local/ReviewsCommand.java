package com.connectopsreview.local;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.store.ResultStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reviews list} and {@code reviews show ID} over a store. */
@Command(name = "reviews", mixinStandardHelpOptions = true,
    description = "Lists the stored reviews or shows one.",
    subcommands = {ReviewsCommand.ListReviews.class, ReviewsCommand.ShowReview.class})
final class ReviewsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  static ResultStore openExisting(StoreSpec storeSpec) {
    if (storeSpec.kind() == StoreSpec.Kind.DIRECTORY && !java.nio.file.Files.isDirectory(storeSpec.directory())) {
      throw CliException.badInput("--store: no reviews at " + storeSpec.directory() + " (directory does not exist)");
    }
    return storeSpec.open(new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Reviews of an instance, newest first.")
  static final class ListReviews implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--store", defaultValue = StoreSpec.DEFAULT, paramLabel = "DIR|s3://BUCKET|dynamodb:TABLE",
        description = "Where reviews are kept (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--instance-arn", paramLabel = "ARN",
        description = "Whose reviews (default: every instance found in a directory store).")
    String instanceArn;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many per instance (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "JSON array of manifests.")
    boolean json;

    @Override
    public Integer call() {
      if (limit < 1) {
        throw CliException.badInput("--limit must be at least 1, got " + limit);
      }
      StoreSpec storeSpec = StoreSpec.parse(store);
      List<String> instanceIds = new ArrayList<>();
      if (instanceArn != null) {
        try {
          instanceIds.add(InstanceRef.parse(instanceArn).id());
        } catch (IllegalArgumentException e) {
          throw CliException.badInput("--instance-arn: " + e.getMessage());
        }
      }
      ResultStore resultStore = openExisting(storeSpec);
      if (instanceIds.isEmpty()) {
        if (!(resultStore instanceof LocalDirectoryResultStore local)) {
          throw CliException.badInput("--instance-arn is required for an S3 or DynamoDB store");
        }
        instanceIds.addAll(local.instanceIds());
      }
      List<ReviewManifest> reviews = new ArrayList<>();
      instanceIds.forEach(id -> reviews.addAll(resultStore.listReviews(id, limit)));
      reviews.sort(Comparator.comparing(ReviewManifest::createdAt).reversed());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.toString(reviews));
      } else if (reviews.isEmpty()) {
        out.println("No reviews in " + storeSpec);
      } else {
        out.printf("%-28s %-22s %-22s %s%n", "REVIEW", "STATUS", "CREATED", "INSTANCE");
        for (ReviewManifest m : reviews) {
          out.printf("%-28s %-22s %-22s %s%n", m.reviewId(), m.status(), m.createdAt().toString(), m.instance().arn());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One review: status, components, report.")
  static final class ShowReview implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The review id.")
    String reviewId;

    @Option(names = "--store", defaultValue = StoreSpec.DEFAULT, paramLabel = "DIR|s3://BUCKET|dynamodb:TABLE",
        description = "Where reviews are kept (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--json", description = "The manifest as JSON.")
    boolean json;

    @Override
    public Integer call() {
      if (!com.connectopsreview.shared.model.ReviewIds.isValid(reviewId)) {
        throw CliException.badInput("ID: '" + reviewId + "' is not a review id");
      }
      ResultStore resultStore = openExisting(StoreSpec.parse(store));
      ReviewManifest m = resultStore.getManifest(reviewId)
          .orElseThrow(() -> CliException.badInput("no review '" + reviewId + "' in " + store));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.toString(m));
      } else {
        out.println("Review    " + m.reviewId() + "  " + m.status());
        out.println("Instance  " + m.instance().arn());
        out.println("Window    " + m.window().start() + " .. " + m.window().end());
        out.println("Created   " + m.createdAt() + ", updated " + m.updatedAt());
        m.components().forEach((name, entry) -> out.println("  " + String.format("%-12s", name) + " "
            + entry.status() + (entry.reason() == null ? "" : " — " + entry.reason())));
        if (m.report() != null) {
          out.println("Report    " + m.report().html());
        }
        if (m.error() != null) {
          out.println("Error     " + m.error());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
