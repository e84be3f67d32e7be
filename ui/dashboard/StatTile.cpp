// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatTile.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace Gui {

StatTile::StatTile(const QString &objectName, const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_detail(new QLabel(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(160);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_value->setObjectName(objectName + QStringLiteral("Value"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_value->setFont(big);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setWordWrap(true);
    // Two lines of detail in every tile, so the tiles of a row line up whatever their text.
    m_detail->setFixedHeight(2 * m_detail->fontMetrics().lineSpacing());
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
}

void StatTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
}

void StatTile::setTone(Tone tone)
{
    if (tone == m_tone)
        return;
    m_tone = tone;
    m_value->setStyleSheet(tone == Tone::Problem       ? QStringLiteral("color: #c0392b;")
                               : tone == Tone::Warning ? QStringLiteral("color: #b9770e;")
                                                       : QString());
}

void StatTile::setActivatable(const QString &toolTip)
{
    m_activatable = true;
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(toolTip);
    setAccessibleDescription(toolTip);
}

void StatTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_activatable && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT activated();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void StatTile::keyPressEvent(QKeyEvent *event)
{
    if (m_activatable
        && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
            || event->key() == Qt::Key_Space)) {
        Q_EMIT activated();
        return;
    }
    QFrame::keyPressEvent(event);
}

QString StatTile::detail() const
{
    return m_detail->text();
}

QString StatTile::value() const
{
    return m_value->text();
}

} // namespace Gui
