// The one comment of the preview workflow on a pull request: written on the first preview, then edited
// (never a new comment per push); found again by the marker on its first line. Run by actions/github-script:
//   await require('./.github/scripts/preview-comment.js')({github, context}, body)
const MARKER = '<!-- como-preview -->';

module.exports = async function previewComment({ github, context }, body) {
  const { owner, repo } = context.repo;
  const issue_number = context.payload.pull_request.number;
  const text = `${MARKER}\n${body}`;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
  const mine = comments.find((comment) => comment.user && comment.user.type === 'Bot'
    && typeof comment.body === 'string' && comment.body.startsWith(MARKER));
  if (mine) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number, body: text });
  }
};
module.exports.MARKER = MARKER;
