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
    void setValue(const QString &value, const QString &detail = {});
    QString value() const;

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace Gui
