using Dialogue.Office.Automation.Budget;

namespace Dialogue.Office.Automation.Tests.Budget;

public sealed class AmountInWordsTests
{
    [Theory]
    [InlineData(0, "không")]
    [InlineData(5, "năm")]
    [InlineData(15, "mười lăm")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(105, "một trăm linh năm")]
    [InlineData(110, "một trăm mười")]
    [InlineData(1_005, "một nghìn không trăm linh năm")]
    [InlineData(1_000_005, "một triệu không trăm linh năm")]
    [InlineData(12_500_000, "mười hai triệu năm trăm nghìn")]
    [InlineData(48_980_000, "bốn mươi tám triệu chín trăm tám mươi nghìn")]
    [InlineData(1_000_000_000, "một tỷ")]
    [InlineData(2_030_000_000, "hai tỷ không trăm ba mươi triệu")]
    [InlineData(1_000_000_000_000, "một nghìn tỷ")]
    [InlineData(1_005_000_000_000, "một nghìn không trăm linh năm tỷ")]
    public void Number_KnownAmounts_AsAdministrativeTextsWriteThem(long n, string words) =>
        Assert.Equal(words, AmountInWords.Number(n));

    [Fact]
    public void Dong_RoundThousands_CapitalisedWithChan() =>
        Assert.Equal("Mười hai triệu năm trăm nghìn đồng chẵn", AmountInWords.Dong(12_500_000));

    [Fact]
    public void Number_RandomAmountsUpToTrillions_ReadBackToTheSameNumber()
    {
        var random = new Random(16);
        for (var i = 0; i < 20_000; i++)
        {
            // Mix magnitudes so small, round and huge numbers are all drawn.
            var digits = random.Next(1, 16);
            var n = (long)(random.NextDouble() * Math.Pow(10, digits));
            if (i % 3 == 0)
            {
                n -= n % (long)Math.Pow(10, random.Next(0, digits));
            }

            var words = AmountInWords.Number(n);
            Assert.Equal(n, Parse(words));
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
            Assert.Equal(words, words.Normalize(System.Text.NormalizationForm.FormC));
        }
    }

    /// <summary>An independent reader of Vietnamese number words (the inverse, written without the generator's structure).</summary>
    private static long Parse(string words)
    {
        long billions = 0, section = 0, group = 0, pending = 0;
        foreach (var w in words.Split(' '))
        {
            switch (w)
            {
                case "không": pending = 0; break;
                case "một": pending = 1; break;
                case "mốt": pending = 1; break;
                case "hai": pending = 2; break;
                case "ba": pending = 3; break;
                case "bốn" or "tư": pending = 4; break;
                case "năm" or "lăm": pending = 5; break;
                case "sáu": pending = 6; break;
                case "bảy": pending = 7; break;
                case "tám": pending = 8; break;
                case "chín": pending = 9; break;
                case "trăm": group += pending * 100; pending = 0; break;
                case "mười": group += 10; pending = 0; break;
                case "mươi": group += pending * 10; pending = 0; break;
                case "linh": break;
                case "nghìn": section += (group + pending) * 1000; group = pending = 0; break;
                case "triệu": section += (group + pending) * 1_000_000; group = pending = 0; break;
                case "tỷ": billions = (section + group + pending) * 1_000_000_000; section = group = pending = 0; break;
                default: throw new FormatException(w);
            }
        }

        return billions + section + group + pending;
    }
}
