// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sidebar.h"

namespace Gui {

Sidebar::Sidebar(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("sidebar"));
    setIconSize(QSize(22, 22));
    setSpacing(2);
    setUniformItemSizes(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
}

void Sidebar::addPage(const QString &objectName, const QIcon &icon, const QString &title,
                      const QString &shortcutHint)
{
    auto *item = new QListWidgetItem(icon, title, this);
    item->setData(Qt::UserRole, objectName);
    item->setToolTip(shortcutHint);
    item->setSizeHint(QSize(0, 34));
    // Wide enough for the longest title in any language, plus the icon and padding.
    int widest = 0;
    for (int i = 0; i < count(); ++i)
        widest = std::max(widest, fontMetrics().horizontalAdvance(this->item(i)->text()));
    setFixedWidth(widest + iconSize().width() + 48);
}

} // namespace Gui
