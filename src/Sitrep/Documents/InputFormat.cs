namespace Sitrep.Documents;

public enum InputFormat
{
    PlainText,
    Html,
}
