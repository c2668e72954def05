namespace CareDesk.Analysis.Vader;

/// <summary>The constants and word lists of VADER as the Python reference (vaderSentiment 3.3.2) has them.</summary>
internal static class VaderRules
{
    public const double BoosterIncrement = 0.293;
    public const double BoosterDecrement = -0.293;
    public const double CapsIncrement = 0.733;
    public const double NegationScalar = -0.74;
    public const double NormalizationAlpha = 15;
    public const double ExclamationIncrement = 0.292;
    public const int MaxExclamations = 4;
    public const double QuestionIncrement = 0.18;
    public const double ManyQuestionsIncrement = 0.96;

    public static readonly WordTable<double> Boosters = new(BuildBoosters());

    public static readonly WordTable<bool> Negations = new(new[]
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    }.ToDictionary(word => word, _ => true));

    /// <summary>Multi-word boosters, checked as n-grams before a lexicon word ("sort of good").</summary>
    public static readonly WordSequence[] BoosterPhrases =
    [
        new("just enough", BoosterDecrement),
        new("kind of", BoosterDecrement),
        new("sort of", BoosterDecrement),
    ];

    /// <summary>VADER's SPECIAL_CASES: idioms and compounds whose valence replaces the word's own.</summary>
    public static readonly WordSequence[] SpecialCases =
    [
        new("the shit", 3),
        new("the bomb", 3),
        new("bad ass", 1.5),
        new("badass", 1.5),
        new("bus stop", 0.0),
        new("yeah right", -2),
        new("kiss of death", -1.5),
        new("to die for", 3),
        new("beating heart", 3.1),
        new("broken heart", -2.9),
    ];

    private static Dictionary<string, double> BuildBoosters()
    {
        string[] increments =
        [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
            "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin",
            "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible",
            "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
            "tremendous", "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ];
        string[] decrements =
        [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
            "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
            "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ];
        var boosters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in increments) boosters[word] = BoosterIncrement;
        foreach (var word in decrements) boosters[word] = BoosterDecrement;
        return boosters;
    }
}

/// <summary>A fixed run of lower-case words ("kiss of death") with the value it carries.</summary>
internal sealed class WordSequence(string phrase, double value)
{
    public string[] Words { get; } = phrase.Split(' ');
    public double Value { get; } = value;
}
