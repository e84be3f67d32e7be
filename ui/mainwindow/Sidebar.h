// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QListWidget>

namespace Gui {

/** The list of pages on the left of the main window. Lives on the GUI thread, owned by MainWindow. */
class Sidebar : public QListWidget
{
    Q_OBJECT
public:
    explicit Sidebar(QWidget *parent = nullptr);
    void addPage(const QString &objectName, const QIcon &icon, const QString &title,
                 const QString &shortcutHint);
};

} // namespace Gui
