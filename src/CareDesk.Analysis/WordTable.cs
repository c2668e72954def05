namespace CareDesk.Analysis;

/// <summary>A read-only word dictionary that is looked up by span, so no token string is allocated.</summary>
internal sealed class WordTable<T>
{
    private readonly Dictionary<string, T> words;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> spans;

    public WordTable(Dictionary<string, T> words)
    {
        this.words = words.Comparer == StringComparer.Ordinal ? words : new Dictionary<string, T>(words, StringComparer.Ordinal);
        spans = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => spans.ContainsKey(word);

    public bool TryGet(ReadOnlySpan<char> word, out T value) => spans.TryGetValue(word, out value!);
}
