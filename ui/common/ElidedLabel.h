// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFrame>

namespace Gui {

/**
 * One line of text that shrinks with its container: what does not fit ends in "…", and the whole text
 * is the tooltip. For status-bar items, whose text (Russian above all) must never be cut off mid-word
 * or push other items out. GUI thread.
 */
class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    /** Draws the text in this colour (invalid: the palette's). */
    void setTextColour(const QColor &colour);
    /** The text as it is drawn at the current width. */
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_colour;
};

} // namespace Gui
