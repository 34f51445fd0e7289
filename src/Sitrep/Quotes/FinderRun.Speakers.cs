using Sitrep.Entities.Resolution;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>A speaker resolved so far: where it was named and what it is, for pronouns and nominals after it.</summary>
    private readonly record struct Resolved(int At, int Entity, string? Type, NominalKind Nominal, bool Issued);

    private readonly List<Resolved> _speakers = [];
    private readonly HashSet<Frame> _resolving = [];
    private readonly HashSet<Frame> _done = [];

    private void ResolveSpeakers()
    {
        var order = new List<Frame>(_frames);
        order.Sort((a, b) => Anchor(a).CompareTo(Anchor(b)));
        foreach (var f in order)
            Resolve(f);
    }

    private static int Anchor(Frame f) => f.SourceStart >= 0 ? f.SourceStart : f.CueStart >= 0 ? f.CueStart : f.Start;

    private void Resolve(Frame f)
    {
        if (_done.Contains(f) || !_resolving.Add(f))
            return;
        if (!f.HasSource && f.SpeakerOf is { AskedStart: >= 0, HasSource: false } asked)
        {
            // The quotation or "he said" after "X was asked …" is X's answer.
            Resolve(asked);
            f.SourceStart = asked.AskedStart;
            f.SourceEnd = asked.AskedEnd;
            f.SourceForm = asked.AskedForm;
            f.Entity = AskedEntity(asked);
        }
        else if (!f.HasSource && f.SpeakerOf is { } of)
        {
            Resolve(of);
            if (of.HasSource)
            {
                f.SourceStart = of.SourceStart;
                f.SourceEnd = of.SourceEnd;
                f.SourceForm = of.SourceForm;
                f.Entity = of.Entity;
                if (f.Entity >= 0 && IssuesStatement(f))
                    _speakers.Add(new Resolved(f.SourceStart, f.Entity, TypeOf(f.Entity), NominalKind.None, true));
            }
        }
        else if (f.HasSource)
        {
            f.Entity = f.SourceForm switch
            {
                SourceForm.Name => f.KnownEntity >= 0 ? f.KnownEntity : NameEntity(f),
                SourceForm.Pronoun => PronounEntity(f.SourceStart),
                _ when f.CitedAsSource && f.CitedEntity >= 0 => f.CitedEntity,
                _ when SpeaksForCitedOutlet(f) => f.CitedEntity,
                SourceForm.Channel => ChannelEntity(f.SourceStart, f.SourceEnd, null),
                SourceForm.Nominal => NominalEntity(f),
                _ => -1,
            };
            if (f.Entity >= 0 || f.SourceForm is SourceForm.Name)
            {
                string? type = f.Entity >= 0 && f.Entity < _input.Entities.Count ? _input.Entities[f.Entity].Type : f.Entity >= 0 ? "MEDIA" : null;
                _speakers.Add(new Resolved(f.SourceStart, f.Entity, type, NominalOf(f), IssuesStatement(f)));
            }
        }
        // "X was asked whether …": X answers next, so a "he" after the question is X.
        if (!f.HasSource && f.SpeakerOf is null && f.AskedStart >= 0 && AskedEntity(f) is var one && one >= 0)
            _speakers.Add(new Resolved(f.AskedStart, one, TypeOf(one), NominalKind.None, false));
        _resolving.Remove(f);
        _done.Add(f);
    }

    /// <summary>The entity of the one asked in "X was asked …" (see <see cref="Frame.AskedStart"/>), -1 if none.</summary>
    private int AskedEntity(Frame f)
    {
        if (f.AskedForm == SourceForm.Pronoun)
            return PronounEntity(f.AskedStart);
        int t = _view.LastTokenBefore(f.AskedEnd);
        return t >= 0 && _view.TokenMention[t] >= 0 ? _input.Mentions[_view.TokenMention[t]].Entity : -1;
    }

    private int NameEntity(Frame f)
    {
        int t = _view.LastTokenBefore(f.SourceEnd);
        if (t < 0 || _view.TokenMention[t] < 0)
            return -1;
        return _input.Mentions[_view.TokenMention[t]].Entity;
    }

    private NominalKind NominalOf(Frame f)
    {
        if (f.SourceForm != SourceForm.Nominal)
            return NominalKind.None;
        int t = _view.LastTokenBefore(f.SourceEnd);
        Span<char> buffer = stackalloc char[40];
        return SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(CueFeatures.Lower(_view.Word(t), buffer), out var kind) ? kind : NominalKind.None;
    }

    /// <summary>The frame's sentence tells of a statement, message or warning ("released a warning", "in a statement").</summary>
    private bool IssuesStatement(Frame f)
    {
        int anchor = f.CueToken >= 0 ? f.CueToken : _view.FirstTokenAtOrAfter(f.Start);
        if (anchor >= _tokens.Length)
            return false;
        Span<char> buffer = stackalloc char[40];
        var nominals = SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = _view.SentenceStart(anchor); k < _view.SentenceEnd(anchor); k++)
        {
            if (_view.IsWord(k) && _view.TokenQuote[k] < 0
                && (nominals.TryGetValue(_view.Lower(k, buffer.Length), out var kind) && kind == NominalKind.Statement || WordIs(k, "warning")))
                return true;
        }
        return false;
    }

    private string? TypeOf(int entity) => entity >= 0 && entity < _input.Entities.Count ? _input.Entities[entity].Type : entity >= 0 ? "MEDIA" : null;

    /// <summary>
    /// "he"/"she": the last person who spoke, unless a person opened a sentence since; "they": the last
    /// organisation or group that spoke; "it": the last organisation, outlet or channel that spoke.
    /// </summary>
    private int PronounEntity(int at)
    {
        Span<char> buffer = stackalloc char[40];
        int t = _view.FirstTokenAtOrAfter(at);
        var w = CueFeatures.Lower(_view.Word(t), buffer);
        // "he’s said", "they’re threatening": the pronoun before its contracted auxiliary.
        if (ContractedPronoun(w) is { Length: > 0 } stem)
            w = stem;
        int paragraph = ParagraphOf(t);
        if (w.SequenceEqual("he") || w.SequenceEqual("she"))
        {
            // Only a person the pronoun agrees with: one the article calls a woman is no "he" (FindGenders).
            bool male = w.SequenceEqual("he");
            // A person named earlier in the same sentence: "Although X was against it, he ordered …".
            for (int k = t - 1; k >= _view.SentenceStart(t); k--)
            {
                if (_view.MentionType(k) == "PERSON" && _view.TokenQuote[k] < 0 && !IsPossessive(k) && !PrepositionBefore(_view.FirstTokenAtOrAfter(_input.Mentions[_view.TokenMention[k]].Start))
                    && FitsPronoun(_input.Mentions[_view.TokenMention[k]].Entity, male))
                    return _input.Mentions[_view.TokenMention[k]].Entity;
            }
            int speaker = LastSpeaker(at, static type => type == "PERSON", paragraph, male);
            var mention = LastPersonSubject(t, paragraph, male);
            if (mention.Entity >= 0 && (speaker < 0 || mention.At > LastSpeakerAt(at, static type => type == "PERSON", male)))
                return mention.Entity;
            return speaker >= 0 ? speaker : LastMention(t, static type => type == "PERSON", paragraph, male);
        }
        if (w.SequenceEqual("who") || w.SequenceEqual("which") || w.SequenceEqual("whom"))
            return RelativeEntity(t, person: !w.SequenceEqual("which"));
        if (w.SequenceEqual("they"))
            return TheyEntity(t);
        // "it" as "they": the organisation, outlet or country that is the nearest subject, not the last one that spoke
        // (read on unseen news: the last organisation was wrong for about four "it" in five: "It reads" of a pledge,
        // "It showed" of an episode).
        if (w.SequenceEqual("it"))
            return ImpersonalIt(t) ? -1 : TheyEntity(t, it: true);
        return -1;
    }

    /// <summary>
    /// "It is also uncertain", "it was revealed that", "it would be very much in the interest of", "It appears that": an
    /// "it" before a form of "be" (past "also", "would", "has" …; not "it is offering", an agent's progressive) or a raising
    /// verb stands for no one, so it takes no entity (read on unseen news: such an "it" was given the organisation of the
    /// sentence before, "University of California Berkeley economist X found … It appears that" → the university).
    /// </summary>
    private bool ImpersonalIt(int t)
    {
        for (int k = t + 1, seen = 0; k < _tokens.Length && seen < 4 && _view.IsWord(k) && _view.TokenQuote[k] < 0; k++, seen++)
        {
            var w = _view.Lower(k);
            if (w is "also" or "still" or "now" or "then" or "not" or "n't" or "never" or "only" or "all" or "would" or "will" or "could"
                or "can" or "may" or "might" or "should" or "must" or "has" or "have" or "had" or "soon" or "quickly" or "clearly")
                continue;
            if (w is "appears" or "appeared" or "seems" or "seemed" or "remains" or "remained" or "became" or "becomes")
                return true;
            if (w is not ("is" or "was" or "be" or "been" or "being"))
                return false;
            // "it is offering": the organisation acts.
            int next = k + 1;
            return !(next < _tokens.Length && _view.IsWord(next) && _view.Word(next).EndsWith("ing", StringComparison.OrdinalIgnoreCase));
        }
        return false;
    }

    /// <summary>
    /// "they": the subject of the nearest sentence before it (or of its own sentence, before it) that has one,
    /// taken only when that subject is an organisation, outlet or country named alone ("The agency said …
    /// They added …"); a person, two people, a plural noun ("Democrats", "the attorneys", "officials") or any
    /// other phrase there gives no entity rather than the last organisation that spoke. A subject that is
    /// itself "they" passes to the sentence before it, at most three sentences back.
    /// </summary>
    private int TheyEntity(int t, bool it = false)
    {
        int sentence = SentenceOf(t);
        for (int back = 0; back <= 3 && sentence - back >= 0; back++)
        {
            int s0 = back == 0 ? _view.SentenceStart(t) : _view.Sentences[sentence - back].FirstToken;
            int end = back == 0 ? t : _view.SentenceEnd(s0);
            while (s0 < end && (_view.TokenQuote[s0] >= 0 || !_view.IsWord(s0) && _view.TokenMention[s0] < 0))
                s0++;
            if (s0 >= end)
                continue;
            var subject = SubjectOf(s0, end);
            if (subject.Start < 0 || subject.Start >= t)
                continue;
            if (subject.Form == SourceForm.Pronoun)
            {
                if (WordIs(subject.Start, it ? "it" : "they"))
                    continue;
                return -1;
            }
            // "The union said … It added …": for "it", a noun phrase that spoke as an organisation or outlet stands for it.
            if (it && subject.Form == SourceForm.Nominal && SpokeAs(subject.Start) is >= 0 and var spoke)
                return spoke;
            if (subject.Form != SourceForm.Name || _view.TokenMention[subject.Start] < 0)
                return -1;
            int after = subject.End;
            Span<char> lower = stackalloc char[40];
            // "members of Congress", "the Soviet officials": the group, not the body, is the subject.
            if (PrepositionBefore(subject.Start, includeOf: true) || IsPossessive(subject.End - 1)
                || after < _tokens.Length && _view.IsWord(after) && SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(CueFeatures.Lower(_view.Word(after), lower), out var kind) && kind == NominalKind.Group)
                return -1;
            // One person alone is no "they": the sentence before may name the group ("The board said …
            // Mrs. X said … They said …"); two people or a person heading a list are.
            if (_view.MentionType(subject.Start) == "PERSON" && !(after < _tokens.Length && (WordIs(after, "and") || WordIs(after, "or") || WordIs(after, "nor") || IsComma(after))))
                continue;
            if (_view.MentionType(subject.Start) is not ("ORG" or "GPE" or "MEDIA")
                || after < _tokens.Length && (_view.TokenMention[after] >= 0 || _view.IsCapitalised(after) || WordIs(after, "and") || WordIs(after, "or")))
                return -1;
            return _input.Mentions[_view.TokenMention[subject.Start]].Entity;
        }
        return -1;
    }

    /// <summary>The organisation, outlet or country a speaker starting at token <paramref name="t"/> was resolved to; -1 if none.</summary>
    private int SpokeAs(int t)
    {
        int at = _tokens[t].Start;
        for (int i = _speakers.Count - 1; i >= 0; i--)
        {
            if (_speakers[i].At == at)
                return _speakers[i].Entity >= 0 && _speakers[i].Type is "ORG" or "MEDIA" or "GPE" ? _speakers[i].Entity : -1;
        }
        return -1;
    }

    /// <summary>
    /// The entity a relative pronoun at <paramref name="t"/> stands for: the noun phrase before it. "who"
    /// stands for a person or group, so not for a place or body named as the object of a preposition
    /// ("Rand Paul of Kentucky, who", "a professor at the University of Richmond, who", "senators in
    /// Montana who"): the noun that phrase hangs on is the antecedent, and a name before an apposition
    /// stands for it ("Marty Rosenberg, vice president of Atlantic Plate Glass Co., who", "Carlos Curbelo, a
    /// Florida Republican who"). A person as the object stays ("the source close to X, who" is ambiguous), and so
    /// does a body or group unless the climb reaches a person ("a grilling from Democrats, who"); never past "by".
    /// </summary>
    private int RelativeEntity(int t, bool person)
    {
        int floor = _view.SentenceStart(t);
        int before = t - 1;
        if (IsComma(before))
            before--;
        var antecedent = before >= floor ? PhraseEndingAt(before, floor) : SourceSpan.None;
        var named = antecedent;
        if (person)
        {
            // Climbing over a body or group ("a grilling from Democrats, who", "members of the GOP, who") is
            // taken only when it reaches a person; over places and common nouns it is taken whatever it reaches.
            bool placesOnly = true;
            for (int step = 0; step < 4 && antecedent.Start > floor && !IsPersonName(antecedent) && PrepositionBefore(antecedent.Start, includeOf: true); step++)
            {
                int p = antecedent.Start - 1;
                if (WordIn(p, SpeechWords.Determiners))
                    p--;
                if (WordIs(p, "by"))
                    break;
                var head = p - 1 >= floor ? PhraseEndingAt(p - 1, floor) : SourceSpan.None;
                if (head.Start < 0)
                    break;
                if (antecedent.Form == SourceForm.Name && _view.MentionType(antecedent.End - 1) is not ("GPE" or "LOC" or "FACILITY"))
                    placesOnly = false;
                antecedent = head;
            }
            if (antecedent.Start >= 0 && !IsPersonName(antecedent))
            {
                // Back over the rest of the noun phrase ("a Florida Republican") to a comma after a person's name.
                int k = antecedent.Start - 1;
                while (k > floor && antecedent.Start - k <= 4 && !IsComma(k)
                    && (_view.TokenMention[k] >= 0 || _view.IsWord(k) && !WordIn(k, SpeechWords.PhraseStops) && !WordIn(k, SpeechWords.Prepositions) && !IsCue(k)))
                    k--;
                if (k > floor && IsComma(k) && _view.MentionType(k - 1) == "PERSON" && !IsPossessive(k - 1))
                    return _input.Mentions[_view.TokenMention[k - 1]].Entity;
            }
            if (!placesOnly && !IsPersonName(antecedent))
                antecedent = named;
        }
        if (antecedent.Start >= 0 && antecedent.Form == SourceForm.Name && _view.TokenMention[antecedent.End - 1] >= 0)
            return _input.Mentions[_view.TokenMention[antecedent.End - 1]].Entity;
        return -1;
    }

    private bool IsPersonName(SourceSpan s) => s.Form == SourceForm.Name && _view.MentionType(s.End - 1) == "PERSON";

    /// <summary>The last speaker before <paramref name="at"/> of an accepted type (and, for "he"/"she", <paramref name="male"/>, of a fitting gender).</summary>
    private int LastSpeaker(int at, Func<string?, bool> accepts, int paragraph, bool? male = null)
    {
        for (int i = _speakers.Count - 1; i >= 0; i--)
        {
            var s = _speakers[i];
            if (s.At >= at || s.Entity < 0)
                continue;
            if (paragraph - ParagraphOf(_view.FirstTokenAtOrAfter(s.At)) > 3)
                return -1;
            if (accepts(s.Type) && (male is not { } m || FitsPronoun(s.Entity, m)))
                return s.Entity;
        }
        return -1;
    }

    private int LastSpeakerAt(int at, Func<string?, bool> accepts, bool? male = null)
    {
        for (int i = _speakers.Count - 1; i >= 0; i--)
        {
            if (_speakers[i].At < at && _speakers[i].Entity >= 0 && accepts(_speakers[i].Type) && (male is not { } m || FitsPronoun(_speakers[i].Entity, m)))
                return _speakers[i].At;
        }
        return -1;
    }

    /// <summary>The last person named as a sentence's subject (its first name, outside quotations) before token <paramref name="t"/>.</summary>
    private (int Entity, int At) LastPersonSubject(int t, int paragraph, bool male)
    {
        int s = SentenceOf(t);
        for (int k = t - 1; k >= 0; k--)
        {
            if (ParagraphOf(k) < paragraph - 3)
                break;
            if (_view.TokenMention[k] < 0 || _view.TokenQuote[k] >= 0 || _view.MentionType(k) != "PERSON")
                continue;
            var m = _input.Mentions[_view.TokenMention[k]];
            if (!FitsPronoun(m.Entity, male))
                continue;
            int first = _view.FirstTokenAtOrAfter(m.Start);
            var subject = SubjectOf(_view.SentenceStart(first), Math.Min(_view.SentenceEnd(first), SentenceOf(k) == s ? t : _view.SentenceEnd(first)));
            if (subject.Start >= 0 && subject.Start <= first && first < subject.End)
                return (m.Entity, m.Start);
        }
        return (-1, -1);
    }

    private int LastMention(int t, Func<string, bool> accepts, int paragraph, bool? male = null)
    {
        for (int k = t - 1; k >= 0; k--)
        {
            if (ParagraphOf(k) < paragraph - 2)
                break;
            if (_view.TokenMention[k] < 0 || _view.TokenQuote[k] >= 0)
                continue;
            var m = _input.Mentions[_view.TokenMention[k]];
            if (m.Entity >= 0 && accepts(m.Type) && (male is not { } g || FitsPronoun(m.Entity, g)))
                return m.Entity;
        }
        return -1;
    }

    /// <summary>
    /// A noun phrase standing for a speaker: "the statement" is its issuer (the last speaker), "the
    /// newspaper" the last outlet named, "the spokesman" the person the article gave that role.
    /// </summary>
    private int NominalEntity(Frame f)
    {
        int head = _view.LastTokenBefore(f.SourceEnd);
        Span<char> buffer = stackalloc char[40];
        var w = CueFeatures.Lower(_view.Word(head), buffer);
        int paragraph = ParagraphOf(head);
        if (SpeechWords.Nominals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out var kind))
        {
            switch (kind)
            {
                case NominalKind.Body:
                    {
                        // "The Kata'ib Hezbollah terrorist group": the organisation named in the phrase.
                        for (int k = head - 1; k >= _view.FirstTokenAtOrAfter(f.SourceStart); k--)
                        {
                            if (_view.MentionType(k) is "ORG" or "MISC" && !IsPossessive(k) && _input.Mentions[_view.TokenMention[k]].Entity >= 0)
                                return _input.Mentions[_view.TokenMention[k]].Entity;
                        }
                        return -1;
                    }
                case NominalKind.Statement:
                    // "the ABC News statement says", "a Pentagon report said": the name right before the head issued it.
                    if (NamedIssuer(f, head) is >= 0 and var issuer)
                        return issuer;
                    // "the statement said" points back to the last speaker who issued one; "a statement" is a new one;
                    // inside a quotation the statement is the quoted speaker's subject, not one this article reported.
                    if (!(WordIs(_view.FirstTokenAtOrAfter(f.SourceStart), "the") || WordIs(_view.FirstTokenAtOrAfter(f.SourceStart), "this"))
                        || _view.TokenQuote[head] >= 0)
                        return -1;
                    for (int i = _speakers.Count - 1; i >= 0; i--)
                    {
                        if (_speakers[i].At < f.SourceStart && _speakers[i].Entity >= 0 && _speakers[i].Issued)
                            return _speakers[i].Entity;
                    }
                    return -1;
                case NominalKind.Outlet:
                    {
                        for (int k = head - 1; k >= 0; k--)
                        {
                            if (IsOutletMention(k) && _view.TokenQuote[k] < 0 && _input.Mentions[_view.TokenMention[k]].Entity >= 0)
                                return _input.Mentions[_view.TokenMention[k]].Entity;
                        }
                        return LastSpeaker(f.SourceStart, static type => type == "MEDIA", paragraph);
                    }
                case NominalKind.Channel:
                    return ChannelEntity(f.SourceStart, f.SourceEnd, null);
                default:
                    return -1;
            }
        }
        if (Entities.EntityLexicons.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w) && WordIn(_view.FirstTokenAtOrAfter(f.SourceStart), SpeechWords.Determiners))
            return RoleHolder(w.ToString(), head);
        return -1;
    }

    /// <summary>
    /// The entity named right before a statement noun, inside the speaker's words and outside any quotation:
    /// "the ABC News statement", "the LA Times report", "the Kremlin's statement"; -1 if none.
    /// </summary>
    private int NamedIssuer(Frame f, int head)
    {
        int k = head - 1;
        int first = _view.FirstTokenAtOrAfter(f.SourceStart);
        if (k >= first && (WordIs(k, "'s") || WordIs(k, "’s")))
            k--;
        if (k < first || _view.TokenMention[k] < 0 || _view.TokenQuote[k] >= 0 || _view.TokenQuote[head] >= 0)
            return -1;
        var m = _input.Mentions[_view.TokenMention[k]];
        if (m.Entity < 0 || m.Start < f.SourceStart || m.Type is not ("ORG" or "MEDIA" or "GPE" or "PERSON"))
            return -1;
        // "a Facebook video", "a Twitter post": the channel carried the words; whoever posted them speaks.
        Span<char> buffer = stackalloc char[40];
        if (SpeechWords.Channels.ContainsKey(CueFeatures.Lower(_view.Word(k), buffer).ToString()))
            return -1;
        return m.Entity;
    }

    /// <summary>The person the article calls by this role ("Pentagon spokesman X", "X, the minister"), the latest before <paramref name="t"/>.</summary>
    private int RoleHolder(string role, int t)
    {
        for (int k = t - 1; k >= 0; k--)
        {
            if (_view.TokenMention[k] < 0 || _view.MentionType(k) != "PERSON")
                continue;
            var m = _input.Mentions[_view.TokenMention[k]];
            if (m.Entity < 0 || m.Entity >= _input.Entities.Count)
                continue;
            foreach (var r in _input.Entities[m.Entity].Roles)
            {
                if (r.Contains(role, StringComparison.OrdinalIgnoreCase))
                    return m.Entity;
            }
            // A title written right before the name.
            int first = _view.FirstTokenAtOrAfter(m.Start);
            for (int b = first - 1; b >= 0 && b >= first - 3; b--)
            {
                if (WordIs(b, role))
                    return m.Entity;
            }
        }
        return -1;
    }

    /// <summary>
    /// The entity index of a channel named by the words [start, end): one channel per name in a
    /// document, whatever words name it ("tweeted", "Twitter"); <paramref name="name"/> is its name, or
    /// the words without their article.
    /// </summary>
    private int ChannelEntity(int start, int end, string? name)
    {
        int t = _view.FirstTokenAtOrAfter(start);
        if (WordIs(t, "the") || WordIs(t, "a") || WordIs(t, "an") || WordIs(t, "its") || WordIs(t, "their"))
            start = _tokens[Math.Min(t + 1, _tokens.Length - 1)].Start;
        if (start >= end)
            return -1;
        // A channel the article names as a name of its own ("on Twitter") is that entity.
        if (name is not null)
        {
            for (int e = 0; e < _input.Entities.Count; e++)
            {
                if (_input.Entities[e].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                    return e;
            }
        }
        name ??= _text[start..end];
        var range = new Documents.TextRange(start, end);
        for (int i = 0; i < _channels.Count; i++)
        {
            if (!_channels[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                continue;
            if (!_channels[i].Spans.Contains(range))
                ((List<Documents.TextRange>)_channels[i].Spans).Add(range);
            return _input.Entities.Count + i;
        }
        _channels.Add(new QuoteChannel(name, new List<Documents.TextRange> { range }));
        return _input.Entities.Count + _channels.Count - 1;
    }
}
