using System.Text.Json;

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
