using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;

namespace Sitrep.Stories;

/// <summary>
/// A JSON section of another feature that adds fields inside each story object of the analysis JSON
/// (contradictions, agreement, citations): the stories section calls it for every story it writes,
/// after its own fields.
/// </summary>
internal interface IStoryJsonFields
{
    void WriteStory(Utf8JsonWriter json, StoryView story);
}

/// <summary>
/// A JSON part that writes nothing of its own at the document or top level, only fields inside each
/// story object (<see cref="IStoryJsonFields"/>); a feature derives from it and writes its fields.
/// </summary>
internal abstract class StoryFieldsJsonPart : IAnalysisJsonPart
{
    public IAnalysisJsonSection Open(AnalysisJsonSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new Section(this, session);
    }

    /// <summary>Writes this part's fields inside one story's object.</summary>
    protected abstract void WriteStory(Utf8JsonWriter json, StoryView story, AnalysisJsonSession session);

    private sealed class Section(StoryFieldsJsonPart part, AnalysisJsonSession session) : IAnalysisJsonSection, IStoryJsonFields
    {
        public IReadOnlyList<string> DocumentFields => [];

        public IReadOnlyList<string> TopLevelFields => [];

        public void WriteDocument(Utf8JsonWriter json, Document document)
        {
        }

        public void WriteTopLevel(Utf8JsonWriter json)
        {
        }

        public void WriteStory(Utf8JsonWriter json, StoryView story)
        {
            ArgumentNullException.ThrowIfNull(json);
            ArgumentNullException.ThrowIfNull(story);
            part.WriteStory(json, story, session);
        }
    }
}
