using Dialogue.Office.Automation.QrCodes;

namespace Dialogue.Office.Automation.Tests.QrCodes;

public class DelegateQrLinkTests
{
    [Fact]
    public void For_CarriesTheCodeAsAQueryParameter()
    {
        Assert.Equal("https://x.vn/a?db=YB23-0001", DelegateQrLink.For("https://x.vn/a", "YB23-0001"));
        Assert.Equal("https://x.vn/a?view=1&db=YB23-0001", DelegateQrLink.For("https://x.vn/a?view=1", "YB23-0001"));
    }

    [Fact]
    public void For_EscapesACodeThatIsNotUrlSafe()
    {
        Assert.Equal("https://x.vn/a?db=A%20B%26C", DelegateQrLink.For("https://x.vn/a", "A B&C"));
    }
}
