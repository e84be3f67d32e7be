// SPDX-License-Identifier: GPL-3.0-or-later
#include "ElidedLabel.h"

#include <QPainter>
#include <algorithm>

namespace Gui {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setToolTip(text);
    updateGeometry();
    update();
}

void ElidedLabel::setTextColour(const QColor &colour)
{
    m_colour = colour;
    update();
}

QString ElidedLabel::shownText() const
{
    return fontMetrics().elidedText(m_text, Qt::ElideRight, contentsRect().width());
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return QSize(metrics.horizontalAdvance(m_text) + 2, metrics.height());
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few letters and the ellipsis; the rest is given when there is space.
    const QFontMetrics metrics = fontMetrics();
    return QSize(std::min(sizeHint().width(), metrics.horizontalAdvance(QStringLiteral("Mmmmmm…"))),
                 metrics.height());
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setPen(m_colour.isValid() ? m_colour : palette().color(foregroundRole()));
    painter.drawText(contentsRect(), Qt::AlignLeft | Qt::AlignVCenter, shownText());
}

} // namespace Gui
