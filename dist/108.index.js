export const id = 108;
export const ids = [108];
export const modules = {

/***/ 3108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHub: () => (/* binding */ createGitHub)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51193);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24225);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91581);



const pullRef = (data) => ({
    number: data.number,
    headSha: data.head.sha,
    author: data.user?.login ?? '',
    baseRef: data.base.ref,
    baseSha: data.base.sha,
    mergedAt: data.merged_at ?? null,
    mergeCommitSha: data.merge_commit_sha ?? null,
});
/** The GitHub REST API through @actions/github's Octokit, with retries on 5xx and rate limits. */
function createGitHub(token, repo) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {}, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L);
    const notFound = (error) => error.status === 404;
    return {
        async findComment(issue, marker, author) {
            const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                ...repo,
                issue_number: issue,
                per_page: 100,
            });
            // Only our own comment: anybody can post a comment holding the marker.
            const found = comments.find((comment) => comment.user?.login === author && comment.body?.includes(marker));
            return found ? { id: found.id, body: found.body ?? '' } : undefined;
        },
        async upsertComment(issue, marker, author, text) {
            const body = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecrets */ .QU)(text);
            const existing = await this.findComment(issue, marker, author);
            if (existing) {
                await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
                return { id: existing.id, created: false };
            }
            const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
            return { id: data.id, created: true };
        },
        async listReviews(number) {
            const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
                ...repo,
                pull_number: number,
                per_page: 100,
            });
            return reviews.map((review) => ({
                user: review.user?.login ?? '',
                state: review.state,
                commitId: review.commit_id ?? '',
                submittedAt: review.submitted_at ?? '',
            }));
        },
        async permissionOf(user) {
            try {
                const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: user });
                return data.role_name === 'maintain' ? 'maintain' : data.permission;
            }
            catch (error) {
                if (notFound(error))
                    return 'none';
                throw error;
            }
        },
        async getPullRequest(number) {
            const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
            return pullRef(data);
        },
        async pullRequestsForCommit(sha) {
            const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
                ...repo,
                commit_sha: sha,
            });
            return data.map(pullRef);
        },
        async createStatus(sha, state, context, description, targetUrl) {
            const { data } = await octokit.rest.repos.createCommitStatus({
                ...repo,
                sha,
                state,
                context,
                description: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecrets */ .QU)(description).slice(0, 140),
                ...(targetUrl ? { target_url: targetUrl } : {}),
            });
            return {
                context: data.context,
                state: data.state,
                description: data.description ?? '',
                creator: data.creator?.login ?? '',
                createdAt: data.created_at,
            };
        },
        async listStatuses(sha) {
            const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, {
                ...repo,
                ref: sha,
                per_page: 100,
            });
            return statuses.map((status) => ({
                context: status.context,
                state: status.state,
                description: status.description ?? '',
                creator: status.creator?.login ?? '',
                createdAt: status.created_at,
            }));
        },
        async fileAt(path, ref) {
            try {
                const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref });
                if (Array.isArray(data) || data.type !== 'file')
                    throw new Error(`${path} at ${ref.slice(0, 7)} is not a file`);
                // The contents API inlines files up to 1 MB; past that it answers encoding "none" and no
                // content, which must not read as an empty file.
                if (data.encoding === 'none')
                    return 'too-large';
                return Buffer.from(data.content, 'base64');
            }
            catch (error) {
                if (notFound(error))
                    return undefined;
                // Some API versions refuse files over 1 MB with 403 too_large rather than encoding none.
                const errors = error.response
                    ?.data?.errors;
                if (error.status === 403 &&
                    errors?.some((item) => item.code === 'too_large'))
                    return 'too-large';
                throw error;
            }
        },
        async parentsOf(sha) {
            const { data } = await octokit.rest.repos.getCommit({ ...repo, ref: sha });
            return data.parents.map((parent) => parent.sha);
        },
        async compareCommits(base, head) {
            const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
                ...repo,
                basehead: `${base}...${head}`,
                per_page: 1,
            });
            return data.status;
        },
        async upsertIssue(marker, heading, text) {
            const [title, body] = [(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecrets */ .QU)(heading), (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecrets */ .QU)(text)];
            const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
                ...repo,
                state: 'open',
                per_page: 100,
            });
            const existing = issues.find((issue) => issue.body?.includes(marker));
            if (existing) {
                await octokit.rest.issues.update({ ...repo, issue_number: existing.number, title, body });
                return existing.number;
            }
            const { data } = await octokit.rest.issues.create({ ...repo, title, body });
            return data.number;
        },
        async otherRunsInProgress(runId) {
            const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId });
            const { data } = await octokit.rest.actions.listWorkflowRuns({
                ...repo,
                workflow_id: run.workflow_id,
                status: 'in_progress',
                per_page: 100,
            });
            return data.workflow_runs
                .filter((other) => other.id !== runId)
                .map((other) => ({ id: other.id, runNumber: other.run_number, url: other.html_url }));
        },
    };
}


/***/ })

};
