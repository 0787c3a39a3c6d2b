package org.reformdesk.platform.shedding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.reformdesk.platform.problem.Problem;
import org.reformdesk.platform.problem.ProblemResponses;

import java.util.List;

/**
 * Answers a {@link Sheddable} request that cannot start within {@code reform.shedding.max-wait} with 503 and
 * Retry-After, instead of letting it queue: at most {@code reform.shedding.max-concurrent} of them run at once, and the
 * rest wait their turn for that short while. Offered more than the machine can answer, a service otherwise queues every
 * request in its worker pool until the clients give up (the platform bench's ledger at 500/s on two cores: 17,000 of
 * 30,000 requests unanswered after 30 s), so nobody gets an answer in time; shedding the excess keeps the answers it
 * does give fast and tells the others at once when to ask again.
 *
 * <p>The filter runs on the event loop, before the request is handed to a worker thread: a queue in front of the worker
 * pool is exactly what it replaces, so a limit on the resource method itself (an interceptor, a semaphore in the
 * service) would come too late. Waiting costs no thread: the request is resumed by whoever frees a place, or refused
 * by a timer. The place is given back when the request's processing completes (JAX-RS {@code CompletionCallback}),
 * written or failed, and not earlier when a client hangs up: the work it started still runs.
 */
public class LoadShedding {

    /**
     * The Retry-After of a refusal, in seconds: places free within tens of milliseconds, and one second is the least
     * the header can say; a client that retries at once only adds to the queue.
     */
    private static final int RETRY_AFTER_SECONDS = 1;

    @Inject
    SheddingConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Vertx vertx;

    private ConcurrencyLimit limit;
    private Counter shed;

    @PostConstruct
    void start() {
        limit = new ConcurrencyLimit(config.maxConcurrent());
        shed = meters.counter("reform.shedding.shed");
        meters.gauge("reform.shedding.running", limit, ConcurrencyLimit::running);
        meters.gauge("reform.shedding.waiting", limit, ConcurrencyLimit::waiting);
    }

    /** Before authentication and every other filter of ours, so a request that is refused costs next to nothing. */
    @Sheddable
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION - 1)
    public Uni<Response> admit(ServerRequestContext request, UriInfo uri) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(answer -> new Arrival(request, uri, context, answer).enter());
    }

    /** One request on its way in; everything but {@link #admitted} runs on the request's own event loop. */
    private final class Arrival {

        private final ServerRequestContext request;
        private final UriInfo uri;
        private final Context context;
        private final UniEmitter<? super Response> answer;
        private boolean started;
        private long timer = -1;

        Arrival(ServerRequestContext request, UriInfo uri, Context context, UniEmitter<? super Response> answer) {
            this.request = request;
            this.uri = uri;
            this.context = context;
            this.answer = answer;
        }

        void enter() {
            ConcurrencyLimit.Turn turn = limit.enter(this::admitted);
            if (!started) {
                timer = vertx.setTimer(config.maxWait().toMillis(), id -> {
                    if (limit.giveUp(turn)) {
                        shed.increment();
                        answer.complete(busy());
                    }
                });
            }
        }

        /** Runs on the thread that freed the place (or on ours, admitted at once). */
        private void admitted() {
            if (Vertx.currentContext() == context) {
                begin();
            } else {
                context.runOnContext(ignored -> begin());
            }
        }

        private void begin() {
            started = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            try {
                request.registerCompletionCallback(failure -> limit.leave());
            } catch (RuntimeException e) {
                // a place nobody gives back would shrink the limit for good
                limit.leave();
                answer.fail(e);
                return;
            }
            answer.complete(null);
        }

        private Response busy() {
            Problem problem = new Problem("https://reformdesk.org/problems/503", ProblemResponses.title(503), 503,
                    "The service is answering as many of these requests as it can at once; ask again in "
                            + RETRY_AFTER_SECONDS + " second.",
                    "/" + uri.getPath().replaceFirst("^/", ""), List.of());
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .entity(problem).build();
        }
    }
}
