// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>

namespace Gui {

/**
 * Every question and notice the console shows goes through here, so GUI tests can answer them
 * (KeePassXC's MessageBox::setNextAnswer). GUI thread only; static, owns nothing.
 */
class MessageBox
{
public:
    /** Asks a yes/no question; returns Yes or No (or the test's next answer without showing). */
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                const QString &yesText = {});
    /** Shows a notice (or records it for a test without showing). */
    static void information(QWidget *parent, const QString &title, const QString &text);

    /** Test seam: the next question returns this without a dialog; notices are not shown either. */
    static void setNextAnswer(QMessageBox::StandardButton answer);
    /** The text of the last question or notice, for tests. */
    static QString lastText();

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static QString s_lastText;
};

} // namespace Gui
