"""Common given names in the Netherlands, for the name detector's free-text rule.

Written for this project from general knowledge of frequent Dutch given names (and of the
Moroccan, Turkish, Surinamese, Frisian and English names common in Dutch files). Names that
are also ordinary capitalised words at the start of a Dutch sentence ("Ben", "Wil", "Mei",
"Roos", "Job", "Floor", "Lieve", "Juni") are left out on purpose: they would turn every
"Ben je ..." into a person.
"""

from __future__ import annotations

_MALE = """
Aad Aart Abdel Abdelkader Abdul Abdullah Abe Achmed Adam Adrianus Adriaan Ahmed Ahmet Albert
Alexander Ali Allard Alwin Anand Andre André Andreas Andries Anouar Anton Antonie Antonius Ard
Arend Arie Arjan Arjen Armand Arnold Arnoud Arthur Auke Bart Bartholomeus Bas Bastiaan
Benjamin Bert Bertus Bilal Bjorn Björn Bob Boris Bouke Bram Brent Burak Casper Cees Chris
Christiaan Christian Christoph Christopher Cor Cornelis Coen Daan Daniel Daniël Dave David
Dennis Derk Dick Diederik Dik Dirk Dion Dolf Douwe Dries Edwin Eelco Eelke Egbert Emiel
Emre Erik Eric Ernst Erwin Esteban Ewout Fabian Ferdinand Floris Frank Frans Frederik Freek
Frits Gabriel Gerard Gerben Gerhard Gerlof Gerrit Gert Gerrit-Jan Gijs Gijsbert Gilbert Govert
Guus Hamza Hans Harm Harold Harry Hasan Hassan Hein Hendrik Henk Henri Herman Hidde Hielke Hubert
Hugo Huib Hüseyin Ibrahim Ids Ivo Jaap Jacob Jacobus Jake James Jan Jan-Willem Jasper Jeffrey
Jelle Jelmer Jeroen Jesse Jochem Joep Johan Johannes John Jonathan Joost Joop Joris Jorn Jos
Joseph Josef Jouke Jurgen Jürgen Justin Kamal Karel Karim Kees Kemal Kevin Klaas Koen Kees-Jan
Kenneth Lars Laurens Leendert Lennart Leo Leon Leonard Levi Lodewijk Louis Luc Lucas Ludo Luuk
Maarten Marc Marcel Marco Marinus Mario Marius Mark Marten Martijn Martin Mathijs Matthijs Mats
Maurice Max Mehmet Melvin Menno Michael Michel Michiel Mike Milan Mitchell Mohamed Mohammed
Mohammad Muhammed Murat Mustafa Niels Nick Nico Nicolaas Noah Olaf Olivier Omar Onno Orhan Otto
Patrick Paul Peter Petrus Piet Pieter Pim Quinten Rachid Rafael Ramon Rashid Raymond Redouan
Reinier Remco René Richard Rick Rik Rinus Rob Robbert Robert Robin Rodney Roel Roelof Roland
Ronald Roy Ruben Rudi Rudolf Rutger Ruud Said Sam Samuel Sander Sebastiaan Sem Sietse Simon
Sjaak Sjoerd Soufiane Stan Stefan Stephan Steven Stijn Sven Taco Teun Theo Thijs Thomas Tiemen
Tijmen Tim Timo Tjeerd Tjerk Tobias Tom Ton Tonnie Twan Vincent Walter Wessel Wiebe Wijnand
Willem Willem-Alexander Wim Wouter Xander Yasin Yassin Youssef Yusuf Yves Zakaria
"""

_FEMALE = """
Aafke Aaltje Agnes Aisha Aïcha Alexandra Alida Amber Amira Angela Angelique Anita Anja Anke Ann
Anna Anne Anne-Marie Anneke Annelies Annemarie Annemiek Annet Annette Anouk Antoinette Ariane
Astrid Ayşe Ayse Barbara Bea Beatrix Bernadette Bianca Brenda Bregje Carla Carmen Caroline
Catharina Cecile Charlotte Chantal Christa Christel Christina Cindy Claudia Cora Corine Corinne
Cornelia Daniëlle Danielle Debora Demi Diana Dina Dominique Dorien Dorothea Edith Elif Elisabeth
Elise Elke Ella Ellen Els Elsbeth Elly Emine Emma Esmee Esmée Esther Eva Evelien Eveline Fatima
Fatma Femke Francien Françoise Frederique Gerda Geertje Gemma Gerrie Gina Greet Greetje
Hanna Hannah Hanneke Hatice Heleen Helen Helena Hendrika Henriëtte Hilde Ilona Ilse Ina Inge
Ingrid Irene Iris Jacqueline Jana Janna Janneke Janine Jantine Jantje Jasmijn Jennifer Jenny
Jessica Joanne Johanna Jolanda Joke Jolien Josephine José Judith Julia Juliette Karin Karlijn
Katja Khadija Kim Kirsten Lara Latifa Laura Lauren Leonie Lieke Lies Liesbeth Lilian
Linda Lisa Lisanne Liz Loes Lotte Louise Lucia Lydia Maaike Madelief Manon Mara Margreet
Margriet Maria Marian Marianne Marieke Mariëlle Marijke Marja Marjan Marjolein Marleen Marloes
Marlies Martha Martine Mary Meike Merel Michelle Mieke Mirjam Miranda Monique Myrthe Nadia
Naima Naomi Natasja Nathalie Nicole Nienke Noor Nora Nathalie Paula Petra Pien Priscilla
Rachel Rebecca Renate Rianne Ria Rina Rosa Rosalie Sabine Samira Sandra Sanne Sara Sarah
Saskia Selma Simone Sofie Sophie Stephanie Susan Suzanne Tamara Tanja Tessa Thea Tineke Tirza
Trudy Ursula Valerie Vera Veronique Wendy Wietske Wilma Willemijn Wilhelmina Yara Yasmina
Yasmine Yvette Yvonne Zeynep Zoë Zoe
"""

FIRST_NAMES: frozenset[str] = frozenset((_MALE + _FEMALE).split())
