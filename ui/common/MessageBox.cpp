// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBox.h"

#include <QPushButton>

namespace Gui {

QMessageBox::StandardButton MessageBox::s_nextAnswer = QMessageBox::NoButton;
QString MessageBox::s_lastText;

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 const QString &yesText)
{
    s_lastText = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        const auto answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box.setDefaultButton(QMessageBox::No);
    if (!yesText.isEmpty())
        box.button(QMessageBox::Yes)->setText(yesText);
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        s_nextAnswer = QMessageBox::NoButton;
        return;
    }
    QMessageBox::information(parent, title, text);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

} // namespace Gui
