namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>
    /// Words read as a speaker that name no one: "let’s" ("let’s say five years"), the writer's aside "it
    /// is worth noting", an object pronoun ("it does make me think", "far leaves me convinced"), "there’s"
    /// with its verb, a lone article, a participle after a comma ("…, prompting calls from …"). A
    /// speaker is a noun phrase. A reported frame whose only speaker is such words is no quote (it is
    /// dropped); a quotation keeps its words without a speaker. An object pronoun before a strong speech verb
    /// stays ("told me": the audience, read elsewhere).
    /// </summary>
    private void DropNonSpeakers()
    {
        HashSet<Frame>? cleared = null;
        _frames.RemoveAll(f =>
        {
            if (!f.HasSource || f.Turn || f.SourceForm == SourceForm.Name || !NoSpeakerWords(f.SourceStart, f.SourceEnd, IsStrongSpeechCue(f.CueToken)))
                return false;
            f.SourceStart = f.SourceEnd = -1;
            f.SourceForm = SourceForm.None;
            f.Entity = -1;
            f.KnownEntity = -1;
            (cleared ??= []).Add(f);
            return f.Span < 0;
        });
        if (cleared is null)
            return;
        // A frame that continues such a frame's speaker ("…, adding") has none either.
        foreach (var f in _frames)
            if (f.SpeakerOf is { } of && cleared.Contains(of))
                f.SpeakerOf = null;
    }

    /// <summary>The speaker's words, characters [<paramref name="from"/>, <paramref name="to"/>), name no one.</summary>
    private bool NoSpeakerWords(int from, int to, bool strongCue)
    {
        int start = _view.FirstTokenAtOrAfter(from), end = _view.FirstTokenAtOrAfter(to);
        if (start < 0 || start >= end || end > _tokens.Length || !_view.IsWord(end - 1))
            return false;
        Span<char> buffer = stackalloc char[40];
        var last = CueFeatures.Lower(_view.Word(end - 1), buffer);
        // An object pronoun is no subject: "makes me think", "leaves him wondering" (but "many of them
        // believe" and "those close to him say" name a group, "let me say" the one speaking, and "the US" is no "us").
        if (!strongCue && (last.SequenceEqual("me") || last.SequenceEqual("him") || last.SequenceEqual("us") || last.SequenceEqual("them"))
            && char.IsLower(_text[_tokens[end - 1].Start]) && !WordIn(end - 2, SpeechWords.Prepositions) && !WordIs(end - 2, "of") && !WordIs(end - 2, "to") && !WordIs(end - 2, "let"))
            return true;
        // "it is worth noting", "it’s worth remembering": the writer's aside.
        if (last.SequenceEqual("worth"))
            return true;
        if (end - start != 1 || char.IsUpper(_text[_tokens[start].Start]))
            return false;
        int apostrophe = last.IndexOfAny('\'', '’');
        var stem = apostrophe > 0 ? last[..apostrophe] : last;
        // "let’s say", "there’s" with its verb. (The generic "you" and "it’s" are left: PolNeAR marks
        // "you can see why …" and "it’s obvious that …" as attributions.)
        if (stem.SequenceEqual("let") || (apostrophe > 0 && stem.SequenceEqual("there")))
            return true;
        // A lone article.
        if (last.SequenceEqual("the") || last.SequenceEqual("a") || last.SequenceEqual("an"))
            return true;
        // A participle after a comma ("…, prompting calls from militants", "…, having labeled himself"), not a noun ("polling").
        if (last.Length > 5 && last.EndsWith("ing") && start > 0 && IsComma(start - 1)
            && !SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(last))
            return true;
        return false;
    }
}
