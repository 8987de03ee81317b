package com.crazyrouter.coze.live;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.crazyrouter.coze.config.Secret;
import com.crazyrouter.coze.config.TokenKind;
import com.crazyrouter.coze.testsupport.ChildRun;
import com.crazyrouter.coze.testsupport.LocalGateway;
import com.crazyrouter.coze.testsupport.TokenLeaks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A live run against new-api releases this suite was not written for is green where no Coze builder is harmed: the
 * gateway on loopback answers as the fault catalogue's controls describe — {@code older-release}, new-api v0.6.x (its
 * rejections without a code and in Chinese), and {@code lenient-bearer-release}, the newer lenient TokenAuth — and the
 * run, with the dedicated token alone and with the token without an allowlist too, passes and reports what it saw.
 */
@Execution(ExecutionMode.CONCURRENT)
class OlderReleaseIT {
    private static final Secret DEDICATED = new Secret("sk-canaryOlderDedicatedToken4Hq8Zt2Wn6Ry1Ub9Kd3Mx7");
    private static final Secret UNRESTRICTED = new Secret("sk-canaryOlderUnrestrictedToken8Lp3Vc6Nj1Qs5Ge2Tw");
    private static final Map<TokenKind, Secret> TOKENS = Map.of(TokenKind.DEDICATED, DEDICATED, TokenKind.UNRESTRICTED, UNRESTRICTED);
    private static final Map<String, String> BOTH_TOKENS = Map.of(TokenKind.DEDICATED.environmentVariable(), DEDICATED.reveal(),
            TokenKind.UNRESTRICTED.environmentVariable(), UNRESTRICTED.reveal());
    private static final Path STUBS = Path.of("stubs");
    private static final Path FAULTS = Path.of("src", "test", "resources", "faults");
    private static final Path WORK = Path.of("target", "older-release");
    private static final String OLDER_401 = "Rejection of a token Crazyrouter does not accept (HTTP 401): type `new_api_error`, no `code` "
            + "(as new-api v0.6.x answers), message in Chinese: \"无效的令牌";
    private static final String OLDER_403 = "Rejection of a model the token does not allow (HTTP 403): type `new_api_error`, no `code` "
            + "(as new-api v0.6.x answers), message in Chinese: \"该令牌无权访问模型";
    private static final String OLDER_503 = "Rejection of a model without a channel (HTTP 503): type `new_api_error`, no `code` "
            + "(as new-api v0.6.x answers), message in Chinese: \"当前分组 default 下对于模型 claude-sonet-4-6 无可用渠道";

    @Test
    void aLiveRunAgainstNewApiV06WithBothKindsOfTokenIsGreenAndReportsTheWording() throws Exception {
        try (LocalGateway older = LocalGateway.start(STUBS, overlay("older-release"), TOKENS, Map.of())) {
            ChildRun run = ChildRun.run(WORK.resolve("both-tokens"), ChildRun.live(older.baseUrl()), BOTH_TOKENS);
            String summary = run.summary();
            System.out.println("new-api v0.6.x, both tokens: " + run.lastLines(1));

            assertThat(run.output(), run.exitCode(), is(0));
            assertThat(summary, containsString(OLDER_401));
            assertThat(summary, containsString(OLDER_403));
            assertThat("the token without an allowlist met the 503 for a misspelled model", summary, containsString(OLDER_503));
            assertThat("the older release's 503 for a model without a channel is an answer, not retried", run.output(), not(containsString("[retry]")));
            TokenLeaks.assertNoneIn(run, List.of(DEDICATED, UNRESTRICTED), List.of(run.workDir()));
        }
    }

    @Test
    void aLiveRunAgainstNewApiV06WithTheDedicatedTokenAloneIsGreen() throws Exception {
        try (LocalGateway older = LocalGateway.start(STUBS, overlay("older-release"), TOKENS, Map.of())) {
            ChildRun run = ChildRun.run(WORK.resolve("dedicated-token"), ChildRun.live(older.baseUrl()),
                    Map.of(TokenKind.DEDICATED.environmentVariable(), DEDICATED.reveal()));
            System.out.println("new-api v0.6.x, the dedicated token alone: " + run.lastLines(1));

            assertThat(run.output(), run.exitCode(), is(0));
            assertThat(run.summary(), containsString(OLDER_403));
        }
    }

    @Test
    void aLiveRunAgainstTheNewerLenientTokenAuthIsGreenAndReportsIt() throws Exception {
        try (LocalGateway lenient = LocalGateway.start(STUBS, overlay("lenient-bearer-release"), TOKENS, Map.of())) {
            ChildRun run = ChildRun.run(WORK.resolve("lenient-bearer"), ChildRun.live(lenient.baseUrl()), BOTH_TOKENS);
            System.out.println("newer lenient TokenAuth, both tokens: " + run.lastLines(1));

            assertThat(run.output(), run.exitCode(), is(0));
            assertThat(run.summary(), containsString("Authorization typed as `bearer {token}`: accepted (a chat reply): new-api's newer TokenAuth"));
        }
    }

    private static Optional<Path> overlay(String control) {
        return Optional.of(FAULTS.resolve(control).resolve("mappings"));
    }
}
