import BroadsheetCore
import Testing

@Suite("Newsroom permissions: every action for every role")
struct NewsroomPolicyTests {
    /// Expected answers, written out by hand. Columns: admin, editor, writer, contributor ("1" allowed).
    /// Rows give the answer for: no story / own draft / own published / someone else's draft / someone else's published.
    static let table: [(NewsroomAction, [String])] = [
        (.viewNewsroom, ["1111", "1111", "1111", "1111", "1111"]),
        (.createStory, ["1111", "1111", "1111", "1111", "1111"]),
        (.uploadImage, ["1111", "1111", "1111", "1111", "1111"]),
        (.changeOwnPassword, ["1111", "1111", "1111", "1111", "1111"]),
        (.editStory, ["1100", "1111", "1110", "1100", "1100"]),
        (.viewRevisions, ["1100", "1111", "1110", "1100", "1100"]),
        (.restoreRevision, ["1100", "1111", "1110", "1100", "1100"]),
        (.submitForReview, ["1100", "1111", "1110", "1100", "1100"]),
        (.publishStory, ["1100", "1110", "1110", "1100", "1100"]),
        (.markSubstantive, ["1100", "1110", "1110", "1100", "1100"]),
        (.addCorrection, ["1100", "1100", "1100", "1100", "1100"]),
        (.deleteStory, ["1100", "1100", "1100", "1100", "1100"]),
        (.manageSections, ["1100", "1100", "1100", "1100", "1100"]),
        (.managePartners, ["1100", "1100", "1100", "1100", "1100"]),
        (.manageTags, ["1100", "1100", "1100", "1100", "1100"]),
        (.manageAuthors, ["1100", "1100", "1100", "1100", "1100"]),
        (.manageUsers, ["1000", "1000", "1000", "1000", "1000"]),
        (.resetPasswords, ["1000", "1000", "1000", "1000", "1000"]),
    ]

    static let standings: [StoryStanding?] = [
        nil, StoryStanding(isOwn: true, status: .draft), StoryStanding(isOwn: true, status: .published),
        StoryStanding(isOwn: false, status: .draft), StoryStanding(isOwn: false, status: .published),
    ]

    @Test("the policy answers exactly as the table says, for every action, role and story")
    func matrix() {
        #expect(Set(Self.table.map(\.0)) == Set(NewsroomAction.allCases), "every action is in the table")
        let roles: [Role] = [.admin, .editor, .writer, .contributor]
        for (action, rows) in Self.table {
            for (standing, row) in zip(Self.standings, rows) {
                for (role, expected) in zip(roles, row) {
                    #expect(NewsroomPolicy.allows(role, action, story: standing) == (expected == "1"), "\(role) \(action) \(String(describing: standing))")
                }
            }
        }
    }

    @Test("a contributor's story stops being theirs to change once it is scheduled")
    func contributorAfterScheduling() {
        for status in [ArticleStatus.scheduled, .published, .unpublished] {
            #expect(!NewsroomPolicy.allows(.contributor, .editStory, story: StoryStanding(isOwn: true, status: status)))
        }
        #expect(NewsroomPolicy.allows(.contributor, .editStory, story: StoryStanding(isOwn: true, status: .inReview)))
    }

    @Test("stories in review, scheduled or unpublished: editors may do anything, writers only with their own, contributors only in review")
    func otherStates() {
        for status in [ArticleStatus.inReview, .scheduled, .unpublished] {
            for isOwn in [true, false] {
                let standing = StoryStanding(isOwn: isOwn, status: status)
                #expect(NewsroomPolicy.allows(.editor, .editStory, story: standing))
                #expect(NewsroomPolicy.allows(.editor, .publishStory, story: standing))
                #expect(NewsroomPolicy.allows(.writer, .publishStory, story: standing) == isOwn)
                #expect(NewsroomPolicy.allows(.writer, .editStory, story: standing) == isOwn)
                #expect(!NewsroomPolicy.allows(.contributor, .publishStory, story: standing))
                #expect(NewsroomPolicy.allows(.contributor, .editStory, story: standing) == (isOwn && status == .inReview))
            }
        }
    }
}
