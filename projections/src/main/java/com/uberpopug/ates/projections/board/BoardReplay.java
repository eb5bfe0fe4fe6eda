package com.uberpopug.ates.projections.board;

import com.uberpopug.ates.api.ReplayableProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The board and My tasks are read models only: replaying their processor rebuilds them. */
@Configuration
class BoardReplay {

    @Bean
    ReplayableProcessor replayableBoard() {
        return new ReplayableProcessor(TaskBoardProjection.PROCESSING_GROUP, List.of("board", "my-tasks"));
    }
}
