using System.Reflection;
using CareDesk.Analysis.Vader;

namespace CareDesk.Analysis.Care;

/// <summary>The care-domain cues of care_cues.tsv, indexed by first word, read once.</summary>
internal sealed class CareVocabulary
{
    private static readonly Lazy<CareVocabulary> Shared = new(Load);

    private readonly WordTable<CarePhrase[]> byFirstWord;

    private CareVocabulary(WordTable<CarePhrase[]> byFirstWord) => this.byFirstWord = byFirstWord;

    public static CareVocabulary Default => Shared.Value;

    public bool StartsAnyCue(ReadOnlySpan<char> word) => byFirstWord.Contains(word);

    /// <summary>Appends every cue that matches, by start token, longest first at the same start.</summary>
    public void Match(SentiText senti, List<CueMatch> matches)
    {
        for (var i = 0; i < senti.Count; i++)
        {
            var firstAtStart = matches.Count;
            if (byFirstWord.TryGet(senti.LowerBare(i), out var candidates)) MatchAt(senti, i, candidates, matches, firstAtStart);
            if (CarePhrase.IsDigits(senti.LowerBare(i)) && byFirstWord.TryGet(CarePhrase.NumberClass, out var numbered))
            {
                MatchAt(senti, i, numbered, matches, firstAtStart);
            }
        }
    }

    private static void MatchAt(SentiText senti, int i, CarePhrase[] candidates, List<CueMatch> matches, int firstAtStart)
    {
        foreach (var phrase in candidates)
        {
            var length = phrase.MatchLength(senti, i);
            if (length == 0) continue;
            var match = new CueMatch(phrase, i, length, Words(senti, i, length));
            var at = firstAtStart;
            while (at < matches.Count && matches[at].Length >= length) at++;
            matches.Insert(at, match);
        }
    }

    private static string Words(SentiText senti, int start, int length)
    {
        if (length == 1) return senti.LowerBare(start).ToString();
        var words = new string[length];
        for (var i = 0; i < length; i++) words[i] = senti.LowerBare(start + i).ToString();
        return string.Join(' ', words);
    }

    private static CareVocabulary Load()
    {
        const string resource = "CareDesk.Analysis.care_cues.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var index = new Dictionary<string, List<CarePhrase>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var phrase = CarePhrase.Parse(line);
            foreach (var word in phrase.FirstWords)
            {
                if (!index.TryGetValue(word, out var list)) index[word] = list = [];
                list.Add(phrase);
            }
        }

        return new CareVocabulary(new WordTable<CarePhrase[]>(index.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal)));
    }
}
