using Sitrep.Entities.Resolution;

namespace Sitrep.Tests.Entities;

public sealed class NameKeysTests
{
    [Theory]
    [InlineData("Gaddafi", "Qaddafi")]
    [InlineData("Qaddafi", "Kadhafi")]
    [InlineData("al-Qaeda", "al-Qaida")]
    [InlineData("Zelensky", "Zelenskyy")]
    [InlineData("Qasem Soleimani", "Qassem Suleimani")]
    [InlineData("Kata'ib Hezbollah", "Kataeb Hizballah")]
    [InlineData("Adnan al-Zurfi", "Adnan Al-Zarfy")]
    [InlineData("Yadollah Javani", "Yadullah Javani")]
    public void Transliterations_share_a_loose_key(string a, string b) => Assert.Equal(NameKeys.Loose(a), NameKeys.Loose(b));

    [Theory]
    [InlineData("Al-Monitor", "al monitor")]
    [InlineData("al-Hashed al-Shaba'i", "hashed shabai")]
    [InlineData("al-Assad", "assad")]
    [InlineData("al-Qaeda", "qaeda")]
    public void An_arabic_article_stays_only_before_common_english_words(string name, string words) =>
        Assert.Equal(words, string.Join(' ', NameKeys.WithoutArticles(NameKeys.Words(name))));

    [Theory]
    [InlineData("linden", true)]
    [InlineData("london", true)]
    [InlineData("grid", true)]
    [InlineData("hizballah", false)]
    [InlineData("bustan", false)]
    public void English_words_come_from_the_dictionary(string word, bool english) => Assert.Equal(english, NameKeys.IsEnglishWord(word));

    [Theory]
    [InlineData("Mohammad Javad Zarif", "Adnan al-Zurfi")]
    [InlineData("Ashraf Ghani", "Esmail Ghaani")]
    [InlineData("Qassem Soleimani", "Mansour Soleimani")]
    public void Different_full_names_keep_different_loose_keys(string a, string b) => Assert.NotEqual(NameKeys.Loose(a), NameKeys.Loose(b));

    [Theory]
    [InlineData("U.S.", "US")]
    [InlineData("the White House", "White House")]
    [InlineData("Iran's", "Iran")]
    [InlineData("Kata’ib Hezbollah", "Kata'ib Hezbollah")]
    [InlineData("Hossein Amir-Abdollahian", "Hossein Amir Abdollahian")]
    public void Exact_keys_ignore_print_differences(string a, string b) => Assert.Equal(NameKeys.Exact(a), NameKeys.Exact(b));

    [Theory]
    [InlineData("IRGC", "Islamic Revolutionary Guard Corps", true)]
    [InlineData("P.M.F.", "Iraqi Popular Mobilization Forces", true)]
    [InlineData("NYTimes", "New York Times", true)]
    [InlineData("NATO", "North Atlantic Treaty Organization", true)]
    [InlineData("ISIS", "Islamic State", false)]
    [InlineData("Iran", "Islamic Republic of Iran", false)]
    [InlineData("WHO", "White House", false)]
    [InlineData("WHO", "World Health Organization", true)]
    public void Acronyms_abbreviate_the_words_of_a_name(string acronym, string name, bool expected) =>
        Assert.Equal(expected, NameKeys.Abbreviates(acronym, NameKeys.Words(name)));

    [Theory]
    [InlineData("AP", "Centers for Pest Control and Prevention", false)]
    [InlineData("AP", "American Academy of Pediatrics", false)]
    [InlineData("AP", "Associated Press", true)]
    [InlineData("CDC", "Centers for Disease Control", true)]
    public void An_acronym_never_starts_at_a_small_word_and_two_letters_spell_the_whole_name(string acronym, string name, bool expected) =>
        Assert.Equal(expected, NameKeys.Abbreviates(acronym, NameKeys.Words(name)));

    [Theory]
    [InlineData("PMF", "Iraqi Popular Mobilization Forces", true)]
    [InlineData("IRS", "Lutheran Immigration and Refugee Service", false)]
    [InlineData("PAC", "Conservative Political Action Conference", false)]
    [InlineData("NSA", "CNN National Security Analyst", false)]
    public void Unasked_an_acronym_leaves_out_only_a_nationality_in_front(string acronym, string name, bool expected) =>
        Assert.Equal(expected, NameKeys.Abbreviates(acronym, NameKeys.Words(name), w => w is "iraqi" or "american"));

    [Theory]
    [InlineData("Ash Corvell", "ash corvell")]
    [InlineData("Al Brandt", "al brandt")]
    [InlineData("Adnan al-Zurufi", "adnan zurufi")]
    [InlineData("Al-Assad", "assad")]
    [InlineData("al Qaeda", "qaeda")]
    public void A_first_name_spelled_like_an_article_stays_in_a_persons_name(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', NameKeys.PersonCore(name)));

    [Theory]
    [InlineData("kolvar", "kolwar", true)]
    [InlineData("marakova", "marakowa", true)]
    [InlineData("ilse", "ilze", true)]
    [InlineData("rastin", "rastyn", true)]
    [InlineData("rastin", "rasteen", true)]
    [InlineData("qasem", "qassem", true)]
    [InlineData("teodor", "theodor", true)]
    [InlineData("hagan", "hogan", false)]
    [InlineData("michel", "michael", false)]
    [InlineData("cohn", "cohen", false)]
    [InlineData("kerry", "cory", false)]
    [InlineData("rice", "rich", false)]
    [InlineData("dravec", "dravik", false)]
    public void A_surname_spelled_alike_differs_only_as_transliterations_do(string a, string b, bool expected)
    {
        // Every pair shares a skeleton; only a transliteration's own swaps make two spellings one surname.
        Assert.Equal(NameKeys.Skeleton(a), NameKeys.Skeleton(b));
        Assert.Equal(expected, NameKeys.SpelledAlike(a, b));
    }

    [Theory]
    [InlineData("soleimani", "suleimani", true)]
    [InlineData("gaddafi", "qaddafi", true)]
    [InlineData("gaddafi", "kadhafi", true)]
    [InlineData("kislyak", "kislayk", true)]
    [InlineData("kolvar", "kolwar", true)]
    [InlineData("kerry", "carey", false)]
    [InlineData("cohn", "cohen", false)]
    [InlineData("carney", "kearney", false)]
    [InlineData("cornyn", "carney", false)]
    [InlineData("rezaei", "rezaee", true)]
    [InlineData("mohammad", "mohammed", true)]
    [InlineData("muammar", "moammar", true)]
    [InlineData("sergey", "sergei", true)]
    [InlineData("zelensky", "zelenskiy", true)]
    [InlineData("morsi", "mursi", true)]
    // Same consonants and as many vowels, but not a transliteration's: these were joined as one person.
    [InlineData("rice", "royce", false)]
    [InlineData("yang", "young", false)]
    [InlineData("heller", "holler", false)]
    [InlineData("rosen", "risen", false)]
    [InlineData("hagle", "hagel", false)]
    [InlineData("obrien", "bruno", false)]
    [InlineData("moore", "myre", false)]
    [InlineData("tim", "tom", false)]
    [InlineData("ron", "aaron", false)]
    [InlineData("michelle", "michael", false)]
    public void A_full_names_surname_may_vary_as_transliterations_do(string a, string b, bool expected) =>
        Assert.Equal(expected, NameKeys.SurnamesAlike(a, b));

    [Theory]
    [InlineData("kataib", "kataeb", true)]
    [InlineData("hezbollah", "hizballah", true)]
    [InlineData("qaeda", "qaida", true)]
    [InlineData("abc", "bbc", false)]
    [InlineData("bustan", "boston", false)]
    [InlineData("idlib", "edlib", true)]
    [InlineData("homs", "hums", true)]
    [InlineData("tikrit", "takrit", true)]
    [InlineData("centre", "center", true)]
    [InlineData("houstin", "houston", true)]
    public void An_organisations_words_keep_their_consonants_and_vowel_runs(string a, string b, bool expected) =>
        Assert.Equal(expected, NameKeys.VowelRunsAlike(a, b));

    [Theory]
    [InlineData("George H.W. Bush", "George W. Bush", true)]
    [InlineData("George H. W. Bush", "George W. Bush", true)]
    [InlineData("John F. Kennedy", "John Neely Kennedy", true)]
    [InlineData("Paul D. Ryan", "Paul S. Ryan", true)]
    [InlineData("George H.W. Bush", "George H. W. Bush", false)]
    [InlineData("John F. Kennedy", "John Fitzgerald Kennedy", false)]
    [InlineData("Hillary Rodham Clinton", "Hillary Clinton", false)]
    [InlineData("Donald J. Trump", "Donald John Trump", false)]
    [InlineData("George W. Bush", "Laura W. Bush", false)]
    public void Middle_names_that_disagree_are_another_person(string a, string b, bool differ) =>
        Assert.Equal(differ, NameKeys.MiddleNamesDiffer(NameKeys.Words(a), NameKeys.Words(b)));
}
