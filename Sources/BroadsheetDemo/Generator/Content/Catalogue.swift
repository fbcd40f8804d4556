/// Every kind of story the generator can write, by section.
enum GenContentCatalogue {
    static let all: [GenKindSource] =
        GenNewsContent.all + GenPoliticsContent.all + GenBusinessContent.all + GenScienceContent.all
        + GenCultureContent.all + GenSportContent.all
}
