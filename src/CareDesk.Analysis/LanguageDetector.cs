using System.Buffers;
using System.Text;

namespace CareDesk.Analysis;

/// <summary>
/// Tells English from the languages CareDesk is most likely to meet, by their most frequent function words and
/// by script. It answers "en" unless another language clearly outweighs English, so short English texts stay English;
/// a text with no words (emoji, handles, links) has no language (null).
/// </summary>
internal static class LanguageDetector
{
    public const string English = "en";

    private static readonly (string Code, string Words)[] Profiles =
    [
        ("en", "the and is are was were i you my your it this that to of for with have has had not but what why how can will "
            + "just me we they our please thanks from be been on at get got do does did don't i'm it's any still no yes so all an "
            + "there when help would should could in a if or hi hey"),
        ("es", "el la los las y es que de en un una por para con mi muy pero gracias hola está esta estoy tengo qué cómo porque "
            + "del al se lo su más ya hay son también nada todo hace sin desde nadie pedido ayuda cuando le me"),
        ("de", "der die das und ist nicht ich ein eine mit auf für zu den dem es sie wir mein meine bitte danke seit noch kein "
            + "keine schon auch aber wie warum was sind habe hat von bei immer funktioniert mir uns euch wurde"),
        ("fr", "le la les et est je ne pas un une des du pour avec que qui mon ma mes très merci bonjour depuis toujours mais "
            + "vous nous c'est j'ai ça sur dans au aux ce cette rien encore personne commande"),
        ("pt", "o a os as e é não um uma do da dos das para com que meu minha muito obrigado obrigada está estou tenho mas você "
            + "vocês em no na isso ainda nada já pelo pela atendimento pedido ninguém"),
        ("it", "il lo la gli le e è non un una di da per con che mio mia molto grazie ciao sono ho ancora ma perché come nel "
            + "della del questo questa niente servizio sempre ordine nessuno"),
        ("nl", "de het een en is niet ik mijn met voor van op dat die maar nog al geen bedankt dank graag wel ook heb hebben "
            + "zijn waarom hoe wat jullie je u kan sinds weer bestelling niemand"),
    ];

    /// <summary>The opening words tell the language; reading further only costs time on long posts.</summary>
    private const int WordsRead = 60;

    private static readonly WordTable<int> LanguagesByWord = BuildWordTable();
    private static readonly SearchValues<char> WordSeparators = SearchValues.Create(" \t\r\n.,;:!?¿¡\"()");

    public static string? Detect(string text)
    {
        if (DetectScript(text) is { } script) return script;

        Span<int> hits = stackalloc int[Profiles.Length];
        var words = 0;
        Span<char> lower = stackalloc char[64];
        var rest = text.AsSpan();
        while (!rest.IsEmpty && words < WordsRead)
        {
            var end = rest.IndexOfAny(WordSeparators);
            var word = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (word.IsEmpty || word.Length > lower.Length || !char.IsLetter(word[0])) continue;
            words++;
            var lowered = lower[..word.ToLowerInvariant(lower)];
            if (!LanguagesByWord.TryGet(lowered, out var languages)) continue;
            for (var language = 0; language < Profiles.Length; language++)
            {
                if ((languages & (1 << language)) != 0) hits[language]++;
            }
        }

        if (words == 0) return null;
        AddLetterHints(text, hits);

        var best = 0;
        for (var language = 1; language < Profiles.Length; language++)
        {
            if (hits[language] > hits[best]) best = language;
        }

        var foreign = best != 0 && hits[best] >= 2 && hits[best] >= 1.5 * hits[0] + 1;
        return foreign ? Profiles[best].Code : English;
    }

    /// <summary>Letters only some of the languages use add one hit each, once per text.</summary>
    private static void AddLetterHints(string text, Span<int> hits)
    {
        if (text.AsSpan().IndexOfAny("ñ¿¡") >= 0) hits[1]++;
        if (text.AsSpan().IndexOfAny("ßäöü") >= 0) hits[2]++;
        if (text.AsSpan().IndexOfAny("çœêèàù") >= 0) hits[3]++;
        if (text.AsSpan().IndexOfAny("ãõç") >= 0) hits[4]++;
        if (text.AsSpan().IndexOfAny("ìòù") >= 0) hits[5]++;
        if (text.AsSpan().IndexOfAny("ĳ") >= 0) hits[6]++;
    }

    /// <summary>A text mostly in a non-Latin script is named by its script's main language.</summary>
    private static string? DetectScript(string text)
    {
        // Below U+0370 everything is Latin, so most texts need no closer look.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u036F')) return null;
        int latin = 0, other = 0;
        string? code = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            var value = rune.Value;
            var script = value switch
            {
                < 0x0250 => null,
                >= 0x0370 and < 0x0400 => "el",
                >= 0x0400 and < 0x0530 => "ru",
                >= 0x0590 and < 0x0600 => "he",
                >= 0x0600 and < 0x0700 => "ar",
                >= 0x0900 and < 0x0980 => "hi",
                >= 0x0E00 and < 0x0E80 => "th",
                >= 0x3040 and < 0x3100 => "ja",
                >= 0xAC00 and < 0xD7B0 => "ko",
                >= 0x4E00 and < 0xA000 => "zh",
                _ => null,
            };
            if (script is null)
            {
                latin++;
                continue;
            }

            other++;
            // Japanese mixes kana with Han characters; any kana makes it Japanese.
            if (code is null || (script == "ja" && code == "zh")) code = script;
        }

        return other > latin ? code : null;
    }

    private static WordTable<int> BuildWordTable()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var language = 0; language < Profiles.Length; language++)
        {
            foreach (var word in Profiles[language].Words.Split(' '))
            {
                table[word] = table.GetValueOrDefault(word) | (1 << language);
            }
        }

        return new WordTable<int>(table);
    }
}
