// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace Gui {

/** A dashboard tile: a caption, one big figure and a line of detail. GUI thread; owned by its page. */
class StatTile : public QFrame
{
    Q_OBJECT
public:
    StatTile(const QString &objectName, const QString &caption, QWidget *parent = nullptr);
    enum class Tone { Normal, Warning, Problem };
    void setValue(const QString &value, const QString &detail = {});
    /** The figure's colour: amber for "soon", red for "now". */
    void setTone(Tone tone);
    QString value() const;
    QString detail() const;
    Tone tone() const { return m_tone; }
    /** Makes the tile a button (hand cursor, focus, click / Enter / Space): it emits activated(). */
    void setActivatable(const QString &toolTip);

Q_SIGNALS:
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool m_activatable = false;
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
    Tone m_tone = Tone::Normal;
};

} // namespace Gui
